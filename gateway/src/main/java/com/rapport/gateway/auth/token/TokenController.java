package com.rapport.gateway.auth.token;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /auth/token} (sign in), {@code /auth/refresh} and {@code /auth/logout}. */
@RestController
@RequestMapping("/auth")
@ConditionalOnLocalIssuer
public class TokenController {

    private final Sessions sessions;

    public TokenController(Sessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<TokenResponse> signIn(@Valid @RequestBody Credentials credentials, ServerHttpResponse response) {
        return sessions.signIn(credentials)
                .doOnError(TooManySignInAttemptsException.class, locked -> response.getHeaders()
                        .set(HttpHeaders.RETRY_AFTER, String.valueOf(locked.retryAfterSeconds())));
    }

    @PostMapping(path = "/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return sessions.refresh(request.refreshToken());
    }

    @PostMapping(path = "/logout", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> signOut(@Valid @RequestBody RefreshRequest request) {
        return sessions.signOut(request.refreshToken());
    }
}
