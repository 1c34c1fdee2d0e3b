package com.rapport.commission.statement;

import com.rapport.commission.ledger.LedgerQueries;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;

/** {@code GET /api/statements/{partnerId}?from=&to=}: FINANCE, or the partner itself (another partner: 404). */
@RestController
class StatementController {

    private final LedgerQueries ledger;
    private final Clock clock;

    StatementController(LedgerQueries ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping("/api/statements/{partnerId}")
    Mono<Statement> statement(Caller caller, @PathVariable String partnerId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate to) {
        if (!caller.maySee(partnerId, Role.FINANCE)) {
            if (caller.roles().contains(Role.PARTNER)) {
                throw ProblemException.notFound("partner", partnerId);
            }
            throw ProblemException.forbidden("this needs the FINANCE role or the partner's own login");
        }
        LocalDate until = to == null ? LocalDate.now(clock) : to;
        if (from != null && from.isAfter(until)) {
            throw ProblemException.badRequest(ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "from must not be after to");
        }
        return ledger.entriesOf(partnerId)
                .reduce(new StatementBuilder(partnerId, from, until), StatementBuilder::add)
                .map(StatementBuilder::build);
    }
}
