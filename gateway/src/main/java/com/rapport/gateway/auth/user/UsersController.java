package com.rapport.gateway.auth.user;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/** {@code /auth/users}: logins, managed by ADMIN and OPS. */
@RestController
@RequestMapping("/auth/users")
@ConditionalOnLocalIssuer
public class UsersController {

    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private final UserRegistration registration;
    private final UserAccounts accounts;

    public UsersController(UserRegistration registration, UserAccounts accounts) {
        this.registration = registration;
        this.accounts = accounts;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<UserView>> create(
            @Valid @RequestBody NewUser request, Caller caller, @AuthenticationPrincipal Jwt token,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        boolean keyUnusable = idempotencyKey != null
                && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH);
        if (keyUnusable) {
            throw new InvalidUserException("Idempotency-Key",
                    "must be 1 to %d characters".formatted(MAX_IDEMPOTENCY_KEY_LENGTH));
        }
        return registration.register(request, caller, token.getTokenValue(), idempotencyKey)
                .map(account -> ResponseEntity.created(URI.create("/auth/users/" + account.username()))
                        .body(UserView.of(account)));
    }

    @GetMapping("/{username}")
    public Mono<UserView> one(@PathVariable String username, Caller caller) {
        caller.require(Role.ADMIN, Role.OPS);
        return accounts.find(username)
                .map(UserView::of)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("user", username)));
    }
}
