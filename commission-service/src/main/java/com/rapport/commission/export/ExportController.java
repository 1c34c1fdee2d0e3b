package com.rapport.commission.export;

import com.rapport.events.money.Money;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

/** Files for finance: a batch as CSV and as pain.001, and the whole ledger as streamed CSV. FINANCE only. */
@RestController
class ExportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final BankFiles bankFiles;
    private final LedgerCsvExport ledgerCsv;
    private final JournalCsvExport journalCsv;

    ExportController(BankFiles bankFiles, LedgerCsvExport ledgerCsv, JournalCsvExport journalCsv) {
        this.bankFiles = bankFiles;
        this.ledgerCsv = ledgerCsv;
        this.journalCsv = journalCsv;
    }

    @GetMapping("/api/payouts/{batchId}/export.csv")
    Mono<ResponseEntity<String>> batchCsv(Caller caller, @PathVariable String batchId) {
        caller.require(Role.FINANCE);
        return bankFiles.batchCsv(batchId).map(csv -> file("payout-" + batchId + ".csv", CSV).body(csv));
    }

    @GetMapping("/api/payouts/{batchId}/pain001.xml")
    Mono<ResponseEntity<String>> pain001(Caller caller, @PathVariable String batchId,
                                         @RequestParam(defaultValue = "EUR") String currency) {
        caller.require(Role.FINANCE);
        String code = currency.strip().toUpperCase(Locale.ROOT);
        try {
            Money.currencyOf(code);
        } catch (RuntimeException unknown) {
            throw ProblemException.badRequest(ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "currency %s is not an ISO 4217 currency".formatted(currency));
        }
        return bankFiles.pain001(batchId, code).map(xml -> file("pain001-" + batchId + "-" + code + ".xml",
                MediaType.APPLICATION_XML).body(xml));
    }

    @GetMapping("/api/exports/ledger.csv")
    ResponseEntity<Flux<DataBuffer>> ledger(Caller caller,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            ServerWebExchange exchange) {
        caller.require(Role.FINANCE);
        requireRange(from, to);
        return file("ledger.csv", CSV).body(ledgerCsv.export(from, to, exchange.getResponse().bufferFactory()));
    }

    @GetMapping("/api/exports/journal.csv")
    ResponseEntity<Flux<DataBuffer>> journal(Caller caller,
                                             @RequestParam(required = false)
                                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                             @RequestParam(required = false)
                                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                             ServerWebExchange exchange) {
        caller.require(Role.FINANCE);
        requireRange(from, to);
        return file("journal.csv", CSV).body(journalCsv.export(from, to, exchange.getResponse().bufferFactory()));
    }

    private static void requireRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badRequest(ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "from must not be after to");
        }
    }

    private static ResponseEntity.BodyBuilder file(String filename, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .contentType(type);
    }
}
