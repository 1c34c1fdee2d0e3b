package com.rapport.commission.taxstatement;

import com.rapport.commission.invoice.Invoice;
import com.rapport.commission.invoice.Invoices;
import com.rapport.commission.invoice.InvoicingProperties;
import com.rapport.commission.invoice.Party;
import com.rapport.commission.taxprofile.TaxProfile;
import com.rapport.commission.taxprofile.TaxProfiles;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Optional;

/**
 * {@code /api/tax-statements/{partnerId}/{year}} (JSON) and {@code ….pdf}: FINANCE, or the partner itself (another
 * partner gets a 404, OPS a 403). A year without invoices is a statement without currencies.
 */
@RestController
class TaxStatementController {

    private final Invoices invoices;
    private final TaxProfiles profiles;
    private final TaxStatementPdf pdf;
    private final InvoicingProperties invoicing;

    TaxStatementController(Invoices invoices, TaxProfiles profiles, TaxStatementPdf pdf,
                           InvoicingProperties invoicing) {
        this.invoices = invoices;
        this.profiles = profiles;
        this.pdf = pdf;
        this.invoicing = invoicing;
    }

    @GetMapping("/api/tax-statements/{partnerId}/{year:\\d+}")
    Mono<TaxStatement> statement(Caller caller, @PathVariable String partnerId, @PathVariable String year) {
        int y = requireAccess(caller, partnerId, year);
        return invoices.ofPartner(partnerId, y).collectList()
                .map(list -> TaxStatement.of(partnerId, y, list));
    }

    @GetMapping("/api/tax-statements/{partnerId}/{year:\\d+}.pdf")
    Mono<ResponseEntity<byte[]>> statementPdf(Caller caller, @PathVariable String partnerId,
                                              @PathVariable String year) {
        int y = requireAccess(caller, partnerId, year);
        Mono<List<Invoice>> ofYear = invoices.ofPartner(partnerId, y).collectList();
        Mono<Optional<TaxProfile>> profile = profiles.find(partnerId).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(ofYear, profile)
                .publishOn(Schedulers.boundedElastic())
                .map(t -> {
                    List<Invoice> list = t.getT1();
                    Party partner = t.getT2().map(TaxStatementController::party)
                            .orElse(list.isEmpty() ? null : list.get(list.size() - 1).supplier());
                    byte[] bytes = pdf.render(TaxStatement.of(partnerId, y, list), partner,
                            invoicing.business().asParty(), list);
                    return ResponseEntity.ok()
                            .contentType(MediaType.APPLICATION_PDF)
                            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                    .filename("tax-statement-%s-%d.pdf".formatted(partnerId, y)).build().toString())
                            .body(bytes);
                });
    }

    private static Party party(TaxProfile p) {
        TaxProfile.Address a = p.address();
        return new Party(p.legalName(), a.line1(), a.line2(), a.city(), a.postalCode(), a.country(), p.vatId());
    }

    /** The year as a number, once the caller may see the partner. */
    private static int requireAccess(Caller caller, String partnerId, String year) {
        if (!caller.maySee(partnerId, Role.FINANCE)) {
            if (caller.roles().contains(Role.PARTNER)) {
                throw ProblemException.notFound("partner", partnerId);
            }
            throw ProblemException.forbidden("this needs the FINANCE role or the partner's own login");
        }
        if (year.length() != 4 || year.startsWith("0")) {
            throw ProblemException.badRequest(ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "year must be a four-digit year");
        }
        return Integer.parseInt(year);
    }
}
