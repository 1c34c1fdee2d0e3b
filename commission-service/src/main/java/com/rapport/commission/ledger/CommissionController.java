package com.rapport.commission.ledger;

import com.rapport.support.paging.Page;
import com.rapport.support.paging.PageRequest;
import com.rapport.support.paging.Paging;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/commissions} and {@code /summary}. A partner sees only its own entries: asking for another
 * partner is a 404, never a 403, so that other partners' existence is not revealed.
 */
@RestController
@RequestMapping("/api/commissions")
public class CommissionController {

    private final LedgerQueries ledger;
    private final Paging paging;

    CommissionController(LedgerQueries ledger, Paging paging) {
        this.ledger = ledger;
        this.paging = paging;
    }

    @GetMapping
    Mono<Page<LedgerEntry>> entries(Caller caller,
                                    @RequestParam(required = false) String partnerId,
                                    @RequestParam(required = false) String referralId,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        PageRequest request = paging.request(page, size);
        String visiblePartner = caller.hasAnyRole(Role.FINANCE, Role.OPS) ? partnerId
                : ownPartner(caller, partnerId);
        return ledger.page(visiblePartner, referralId, request);
    }

    @GetMapping("/summary")
    Mono<PartnerSummary> summary(Caller caller, @RequestParam(required = false) String partnerId) {
        String partner;
        if (caller.hasAnyRole(Role.FINANCE)) {
            if (partnerId == null || partnerId.isBlank()) {
                throw ProblemException.badRequest(ProblemTypes.VALIDATION_FAILED, "Invalid request",
                        "partnerId is required");
            }
            partner = partnerId;
        } else {
            partner = ownPartner(caller, partnerId);
        }
        return ledger.summaryOf(partner);
    }

    /** The caller's own partnerId; a partner naming someone else gets the 404 that partner would not exist with. */
    public static String ownPartner(Caller caller, String requestedPartnerId) {
        if (!caller.roles().contains(Role.PARTNER) || caller.partnerId() == null) {
            throw ProblemException.forbidden("this needs the FINANCE role or a partner's own login");
        }
        if (requestedPartnerId != null && !requestedPartnerId.equals(caller.partnerId())) {
            throw ProblemException.notFound("partner", requestedPartnerId);
        }
        return caller.partnerId();
    }
}
