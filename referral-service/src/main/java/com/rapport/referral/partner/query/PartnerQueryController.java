package com.rapport.referral.partner.query;

import com.rapport.support.paging.Page;
import com.rapport.support.paging.Paging;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Partner reads: staff see every partner, a partner only itself; anyone else is told it does not exist. */
@RestController
public class PartnerQueryController {

    private final PartnerViews views;
    private final Paging paging;

    public PartnerQueryController(PartnerViews views, Paging paging) {
        this.views = views;
        this.paging = paging;
    }

    @GetMapping("/api/partners")
    public Mono<Page<PartnerView>> list(@RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size, Caller caller) {
        caller.require(Role.OPS, Role.FINANCE);
        return views.list(paging.request(page, size));
    }

    @GetMapping("/api/partners/me")
    public Mono<PartnerView> me(Caller caller) {
        caller.require(Role.PARTNER);
        if (caller.partnerId() == null) {
            throw ProblemException.notFound("partner", "of this login");
        }
        return visible(caller.partnerId(), caller);
    }

    @GetMapping("/api/partners/{partnerId}")
    public Mono<PartnerView> byId(@PathVariable String partnerId, Caller caller) {
        return visible(partnerId, caller);
    }

    private Mono<PartnerView> visible(String partnerId, Caller caller) {
        return views.byId(partnerId)
                .filter(view -> caller.maySee(view.partnerId(), Role.OPS, Role.FINANCE))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("partner", partnerId)));
    }
}
