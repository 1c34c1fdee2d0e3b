package com.rapport.notification.inbox;

import com.rapport.support.id.PartnerId;
import com.rapport.support.paging.Page;
import com.rapport.support.paging.PageRequest;
import com.rapport.support.paging.Paging;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/notifications}: a partner its own, operations anyone's ({@code ?partnerId=}), newest first. */
@RestController
public class NotificationController {

    private final NotificationQueries queries;
    private final Paging paging;

    public NotificationController(NotificationQueries queries, Paging paging) {
        this.queries = queries;
        this.paging = paging;
    }

    @GetMapping("/api/notifications")
    public Mono<Page<NotificationView>> list(Caller caller,
                                             @RequestParam(required = false) String partnerId,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        PageRequest request = paging.request(page, size);
        if (caller.isPartner()) {
            if (caller.partnerId() == null || (partnerId != null && !partnerId.equals(caller.partnerId()))) {
                throw ProblemException.notFound("notifications of partner", partnerId);
            }
            return queries.ofPartner(PartnerId.of(caller.partnerId()), request);
        }
        caller.require(Role.OPS);
        return partnerId == null ? queries.ofEveryone(request) : queries.ofPartner(PartnerId.of(partnerId), request);
    }
}
