package com.rapport.commission.taxprofile;

import com.rapport.commission.taxprofile.TaxProfile.Address;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/tax-profiles/{partnerId}}: FINANCE, or the partner itself (another partner gets a 404, OPS a 403).
 * Accepting self-billing records who (the token's subject) and when (the service clock); the first acceptance is
 * kept while it stays accepted, and withdrawing it clears both.
 */
@RestController
class TaxProfileController {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final TaxProfiles profiles;
    private final Clock clock;

    TaxProfileController(TaxProfiles profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Lengths fit an invoice's supplier block and a pain.001 postal address. */
    record TaxProfileRequest(@NotBlank @Size(max = 140) String legalName,
                             @NotNull @Valid AddressRequest address,
                             @Size(max = 30) String vatId,
                             @NotNull Boolean vatRegistered,
                             @NotNull Boolean selfBillingAccepted) {
    }

    record AddressRequest(@NotBlank @Size(max = 70) String line1, @Size(max = 70) String line2,
                          @NotBlank @Size(max = 35) String city, @NotBlank @Size(max = 16) String postalCode,
                          @NotBlank String country) {
    }

    @PutMapping("/api/tax-profiles/{partnerId}")
    Mono<TaxProfile> save(Caller caller, @PathVariable String partnerId,
                          @Valid @RequestBody Mono<TaxProfileRequest> body) {
        requireAccess(caller, partnerId);
        return body.map(request -> validated(partnerId, request))
                .flatMap(wanted -> profiles.find(partnerId)
                        .map(current -> withAcceptance(wanted, current, caller))
                        .switchIfEmpty(Mono.fromSupplier(() -> withAcceptance(wanted, null, caller))))
                .flatMap(profiles::save);
    }

    @GetMapping("/api/tax-profiles/{partnerId}")
    Mono<TaxProfile> find(Caller caller, @PathVariable String partnerId) {
        requireAccess(caller, partnerId);
        return profiles.find(partnerId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("tax profile of partner", partnerId)));
    }

    /** The request as a profile (acceptance not yet stamped), or a 400 naming every invalid field. */
    static TaxProfile validated(String partnerId, TaxProfileRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        AddressRequest a = request.address();
        String country = a.country().trim().toUpperCase(Locale.ROOT);
        if (!ISO_COUNTRIES.contains(country)) {
            errors.add(error("address.country", "must be an ISO 3166 alpha-2 country code"));
        }
        String vatId = request.vatId() == null || request.vatId().isBlank() ? null : VatIds.normalise(request.vatId());
        if (vatId != null && !VatIds.isValid(vatId, country)) {
            errors.add(error("vatId", "is not a valid VAT id for its country's format"));
        }
        if (request.vatRegistered() && vatId == null) {
            errors.add(error("vatId", "is required when vatRegistered is true"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    errors.size() + " field(s) are not valid: " + String.join(", ",
                            errors.stream().map(e -> e.get("field") + " " + e.get("message")).toList()),
                    Map.of("errors", errors));
        }
        String line2 = a.line2() == null || a.line2().isBlank() ? null : a.line2().trim();
        return new TaxProfile(partnerId, request.legalName().trim(),
                new Address(a.line1().trim(), line2, a.city().trim(), a.postalCode().trim(), country),
                vatId, request.vatRegistered(), request.selfBillingAccepted(), null, null);
    }

    private TaxProfile withAcceptance(TaxProfile wanted, TaxProfile current, Caller caller) {
        if (!wanted.selfBillingAccepted()) {
            return wanted;
        }
        boolean alreadyAccepted = current != null && current.selfBillingAccepted();
        return new TaxProfile(wanted.partnerId(), wanted.legalName(), wanted.address(), wanted.vatId(),
                wanted.vatRegistered(), true,
                alreadyAccepted ? current.selfBillingAcceptedBy() : caller.username(),
                alreadyAccepted ? current.selfBillingAcceptedAt() : clock.instant());
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
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
