package com.rapport.notification.inbox;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/notifications}: a partner its own, operations anyone's ({@code ?partnerId=}), newest first. */
@RestController
public class NotificationController {

    static final int MAX_PAGE_SIZE = 200;

    private final NotificationQueries queries;

    public NotificationController(NotificationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/notifications")
    public Mono<NotificationPage> list(Caller caller,
                                       @RequestParam(required = false) String partnerId,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (caller.isPartner()) {
            if (caller.partnerId() == null || (partnerId != null && !partnerId.equals(caller.partnerId()))) {
                throw ProblemException.notFound("notifications of partner", partnerId);
            }
            return queries.ofPartner(caller.partnerId(), page, size);
        }
        caller.require(Role.OPS);
        return partnerId == null ? queries.ofEveryone(page, size) : queries.ofPartner(partnerId, page, size);
    }
}
