package com.rapport.gateway.auth.account;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.gateway.auth.user.UserView;
import com.rapport.support.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/** API.md "Accounts — gateway": invitations and password resets. */
@RestController
@RequestMapping("/auth")
@ConditionalOnLocalIssuer
public class AccountsController {

    /** Longer than any link we hand out: not worth a database look-up. */
    private static final int MAX_TOKEN_LENGTH = 128;

    private final Invitations invitations;
    private final PasswordResets passwordResets;

    public AccountsController(Invitations invitations, PasswordResets passwordResets) {
        this.invitations = invitations;
        this.passwordResets = passwordResets;
    }

    @PostMapping(path = "/invitations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<InvitationView> invite(@Valid @RequestBody NewInvitation request, Caller caller,
                                       @AuthenticationPrincipal Jwt token) {
        return invitations.invite(request, caller, token.getTokenValue());
    }

    @PostMapping(path = "/invitations/{token}/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<UserView>> accept(@PathVariable String token,
                                                 @Valid @RequestBody InvitationAcceptance request) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Mono.error(new LinkGoneException("invitation"));
        }
        return invitations.accept(token, request)
                .map(account -> ResponseEntity.created(URI.create("/auth/users/" + account.username()))
                        .body(UserView.of(account)));
    }

    @PostMapping(path = "/password-resets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Void> requestPasswordReset(@Valid @RequestBody PasswordResetRequest request) {
        passwordResets.requestFor(request.email());
        return Mono.empty();
    }

    @PostMapping(path = "/password-resets/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> resetPassword(@PathVariable String token, @Valid @RequestBody NewPassword request) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Mono.error(new LinkGoneException("password reset"));
        }
        return passwordResets.reset(token, request.password());
    }
}
