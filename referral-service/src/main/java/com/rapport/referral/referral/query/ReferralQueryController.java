package com.rapport.referral.referral.query;

import com.rapport.referral.referral.ReferralStatus;
import com.rapport.support.paging.Page;
import com.rapport.support.paging.PageRequest;
import com.rapport.support.paging.Paging;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Referral reads: staff see every referral, a partner those it has (or had) the credit for; others get 404. */
@RestController
public class ReferralQueryController {

    private static final Role[] STAFF = {Role.OPS, Role.FINANCE};

    private final ReferralViews views;
    private final Paging paging;

    public ReferralQueryController(ReferralViews views, Paging paging) {
        this.views = views;
        this.paging = paging;
    }

    @GetMapping("/api/referrals/{referralId}")
    public Mono<ReferralView> byId(@PathVariable String referralId, Caller caller) {
        return visible(views.byId(referralId), caller)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("referral", referralId)));
    }

    @GetMapping("/api/referrals")
    public Mono<Page<ReferralView>> list(@RequestParam(required = false) String partnerId,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size, Caller caller) {
        PageRequest request = paging.request(page, size);
        ReferralStatus wanted = status == null || status.isBlank() ? null : statusOf(status);
        String blankFreePartner = partnerId == null || partnerId.isBlank() ? null : partnerId;
        if (caller.hasAnyRole(STAFF)) {
            return views.list(null, blankFreePartner, wanted, request);
        }
        if (caller.isPartner() && caller.partnerId() != null) {
            return views.list(caller.partnerId(), blankFreePartner, wanted, request);
        }
        throw ProblemException.forbidden("listing referrals needs the role PARTNER, OPS, FINANCE or ADMIN");
    }

    private Mono<ReferralView> visible(Mono<ReferralView> view, Caller caller) {
        return view.filter(found -> caller.hasAnyRole(STAFF)
                || (caller.isPartner() && found.concernsPartner(caller.partnerId())));
    }

    private static ReferralStatus statusOf(String status) {
        try {
            return ReferralStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "status must be one of " + Arrays.toString(ReferralStatus.values()),
                    Map.of("errors", List.of(Map.of("field", "status", "message", "unknown status"))));
        }
    }
}
