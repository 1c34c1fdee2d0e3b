package com.rapport.commission.invoice;

import com.rapport.support.paging.Page;
import com.rapport.support.paging.PageRequest;
import com.rapport.support.paging.Paging;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /api/invoices}: FINANCE sees every invoice, a partner its own; another partner's invoice (or list) is a
 * 404, never a 403, so its existence is not revealed.
 */
@RestController
class InvoiceController {

    private final Invoices invoices;
    private final InvoicePdf pdf;
    private final Paging paging;

    InvoiceController(Invoices invoices, InvoicePdf pdf, Paging paging) {
        this.invoices = invoices;
        this.pdf = pdf;
        this.paging = paging;
    }

    @GetMapping("/api/invoices")
    Mono<Page<Invoice.Summary>> list(Caller caller,
                                     @RequestParam(required = false) String partnerId,
                                     @RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        PageRequest request = paging.request(page, size);
        return invoices.page(visiblePartner(caller, partnerId), year, request);
    }

    @GetMapping(value = "/api/invoices/{invoiceNumber}.pdf")
    Mono<ResponseEntity<byte[]>> pdf(Caller caller, @PathVariable String invoiceNumber) {
        if (!caller.hasAnyRole(Role.FINANCE) && !caller.roles().contains(Role.PARTNER)) {
            throw ProblemException.forbidden("this needs the FINANCE role or a partner's own login");
        }
        return invoices.find(invoiceNumber)
                .filter(invoice -> caller.maySee(invoice.partnerId(), Role.FINANCE))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("invoice", invoiceNumber)))
                .publishOn(Schedulers.boundedElastic())
                .map(invoice -> pdfResponse(pdf.render(invoice), invoice.invoiceNumber() + ".pdf"));
    }

    static ResponseEntity<byte[]> pdfResponse(byte[] bytes, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename).build().toString())
                .body(bytes);
    }

    /** FINANCE: the partner asked for, or all (null); a partner: itself, and naming another is a 404. */
    static String visiblePartner(Caller caller, String partnerId) {
        if (caller.hasAnyRole(Role.FINANCE)) {
            return partnerId;
        }
        if (!caller.roles().contains(Role.PARTNER) || caller.partnerId() == null) {
            throw ProblemException.forbidden("this needs the FINANCE role or a partner's own login");
        }
        if (partnerId != null && !partnerId.equals(caller.partnerId())) {
            throw ProblemException.notFound("partner", partnerId);
        }
        return caller.partnerId();
    }
}
