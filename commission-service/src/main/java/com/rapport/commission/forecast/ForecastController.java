package com.rapport.commission.forecast;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/forecast?partnerId=&months=12}: FINANCE for every partner or one, a partner for itself only
 * (another partner's forecast is a 404, as if that partner did not exist).
 */
@RestController
class ForecastController {

    static final int MAX_MONTHS = 60;

    private final ForecastQueries forecasts;

    ForecastController(ForecastQueries forecasts) {
        this.forecasts = forecasts;
    }

    @GetMapping("/api/forecast")
    Mono<Forecast> forecast(Caller caller, @RequestParam(required = false) String partnerId,
                            @RequestParam(defaultValue = "12") int months) {
        String partner;
        if (caller.hasAnyRole(Role.FINANCE)) {
            partner = partnerId == null || partnerId.isBlank() ? null : partnerId;
        } else {
            if (!caller.isPartner() || caller.partnerId() == null) {
                throw ProblemException.forbidden("this needs the FINANCE role or a partner's own login");
            }
            if (partnerId != null && !partnerId.isBlank() && !partnerId.equals(caller.partnerId())) {
                throw ProblemException.notFound("partner", partnerId);
            }
            partner = caller.partnerId();
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw ProblemException.badRequest(ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "months must be between 1 and %d".formatted(MAX_MONTHS));
        }
        return forecasts.forecast(partner, months);
    }
}
