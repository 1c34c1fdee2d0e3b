package com.rapport.gateway.auth.user;

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
 * Asks the referral-service, with the caller's own token, whether a partner exists before a PARTNER login is bound
 * to it. The gateway never reads another service's database.
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
        return referralService.get()
                .uri("/api/partners/{partnerId}", partnerId)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(callerToken))
                .exchangeToMono(response -> {
                    HttpStatus status = HttpStatus.resolve(response.statusCode().value());
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody().thenReturn(true);
                    }
                    if (status == HttpStatus.NOT_FOUND) {
                        return response.releaseBody().thenReturn(false);
                    }
                    return response.releaseBody().then(Mono.error(unconfirmed(
                            "the referral-service answered " + response.statusCode().value())));
                })
                .timeout(timeout)
                .onErrorMap(error -> !(error instanceof ProblemException),
                        error -> unconfirmed("the referral-service cannot be reached"));
    }

    private static ProblemException unconfirmed(String why) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                "Service unavailable", "the partner could not be checked (" + why + "); try again later");
    }
}
