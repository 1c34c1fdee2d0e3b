package com.rapport.gateway.auth.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.gateway.routing.ServicesProperties;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Asks the referral-service ({@code GET /api/partners/{id}}), with the caller's own token, whether a partner exists
 * before a PARTNER login or an invitation is bound to it, and learns the partner's email address and language
 * (account emails are written to the partner, in its language). The gateway never reads another service's database.
 */
@Component
@ConditionalOnLocalIssuer
public class PartnerDirectory {

    private final WebClient referralService;
    private final Duration timeout;

    public PartnerDirectory(WebClient.Builder webClients, ServicesProperties services, UsersProperties properties) {
        this.referralService = webClients.baseUrl(services.referralUri().toString()).build();
        this.timeout = properties.partnerCheckTimeout();
    }

    public Mono<Boolean> exists(String partnerId, String callerToken) {
        return contact(partnerId, callerToken).map(found -> true).defaultIfEmpty(false);
    }

    /** The partner's contact; empty when the referral-service does not know it (404). */
    public Mono<PartnerContact> contact(String partnerId, String callerToken) {
        return referralService.get()
                .uri("/api/partners/{partnerId}", partnerId)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(callerToken))
                .exchangeToMono(response -> {
                    HttpStatus status = HttpStatus.resolve(response.statusCode().value());
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(JsonNode.class)
                                .map(partner -> new PartnerContact(partnerId, text(partner, "email"),
                                        text(partner, "language")));
                    }
                    if (status == HttpStatus.NOT_FOUND) {
                        return response.releaseBody().then(Mono.<PartnerContact>empty());
                    }
                    return response.releaseBody().then(Mono.<PartnerContact>error(unconfirmed(
                            "the referral-service answered " + response.statusCode().value())));
                })
                .timeout(timeout)
                .onErrorMap(error -> !(error instanceof ProblemException),
                        error -> unconfirmed("the referral-service cannot be reached"));
    }

    private static String text(JsonNode partner, String field) {
        JsonNode value = partner.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static ProblemException unconfirmed(String why) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                "Service unavailable", "the partner could not be checked (" + why + "); try again later");
    }
}
