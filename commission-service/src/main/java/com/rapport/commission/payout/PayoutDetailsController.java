package com.rapport.commission.payout;

import com.rapport.commission.payout.PayoutDetailsDirectory.PayoutDetails;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/payout-details/{partnerId}}: FINANCE, or the partner itself (another partner gets a 404). */
@RestController
class PayoutDetailsController {

    private final PayoutDetailsDirectory directory;

    PayoutDetailsController(PayoutDetailsDirectory directory) {
        this.directory = directory;
    }

    /** pain.001 allows 70 characters for a name. */
    record PayoutDetailsRequest(@NotBlank @Size(max = 70) String accountHolder, @NotBlank String iban, String bic) {
    }

    @PutMapping("/api/payout-details/{partnerId}")
    Mono<PayoutDetails> save(Caller caller, @PathVariable String partnerId,
                             @Valid @RequestBody Mono<PayoutDetailsRequest> body) {
        requireAccess(caller, partnerId);
        return body.map(request -> BankAccount.validated(request.accountHolder(), request.iban(), request.bic()))
                .flatMap(account -> directory.save(partnerId, account));
    }

    @GetMapping("/api/payout-details/{partnerId}")
    Mono<PayoutDetails> find(Caller caller, @PathVariable String partnerId) {
        requireAccess(caller, partnerId);
        return directory.find(partnerId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("payout details of partner", partnerId)));
    }

    private static void requireAccess(Caller caller, String partnerId) {
        if (!caller.maySee(partnerId, Role.FINANCE)) {
            if (caller.roles().contains(Role.PARTNER)) {
                throw ProblemException.notFound("partner", partnerId);
            }
            throw ProblemException.forbidden("this needs the FINANCE role or the partner's own login");
        }
    }
}
