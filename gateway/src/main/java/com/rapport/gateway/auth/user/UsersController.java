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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/** {@code /auth/users}: logins, managed by ADMIN and OPS. */
@RestController
@RequestMapping("/auth/users")
@ConditionalOnLocalIssuer
public class UsersController {

    private final UserRegistration registration;
    private final UserAccounts accounts;

    public UsersController(UserRegistration registration, UserAccounts accounts) {
        this.registration = registration;
        this.accounts = accounts;
    }

    /** An {@code Idempotency-Key} is honoured by service-support's idempotency filter (rapport.idempotency). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<UserView>> create(
            @Valid @RequestBody NewUser request, Caller caller, @AuthenticationPrincipal Jwt token) {
        return registration.register(request, caller, token.getTokenValue())
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
