package com.rapport.gateway.auth.token;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.gateway.auth.lockout.LoginLockout;
import com.rapport.gateway.auth.user.DevelopmentPasswords;
import com.rapport.gateway.auth.user.PartnerDirectory;
import com.rapport.gateway.auth.user.Passwords;
import com.rapport.gateway.auth.user.UserAccount;
import com.rapport.gateway.auth.user.UserAccounts;
import com.rapport.gateway.auth.user.Usernames;
import com.rapport.gateway.auth.user.UsersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Signing in, refreshing and signing out. A sign-in first asks whether the username is locked (429, the password is
 * not even checked), then checks the password (a wrong one counts towards the lock-out), then opens a session:
 * an access token and the first refresh token. A refresh re-reads the user, so changed roles apply at once.
 */
@Component
@ConditionalOnLocalIssuer
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final UserAccounts accounts;
    private final Passwords passwords;
    private final DevelopmentPasswords developmentPasswords;
    private final LoginLockout lockout;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final PartnerDirectory partners;
    private final UsersProperties users;
    private final Clock clock;

    public Sessions(UserAccounts accounts, Passwords passwords, DevelopmentPasswords developmentPasswords,
                    LoginLockout lockout, AccessTokens accessTokens, RefreshTokens refreshTokens,
                    PartnerDirectory partners, UsersProperties users, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.developmentPasswords = developmentPasswords;
        this.lockout = lockout;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.partners = partners;
        this.users = users;
        this.clock = clock;
    }

    public Mono<TokenResponse> signIn(Credentials credentials) {
        String username = Usernames.normalized(credentials.username());
        return lockout.remainingLock(username)
                .flatMap(remaining -> Mono.<UserAccount>error(new TooManySignInAttemptsException(remaining)))
                .switchIfEmpty(Mono.defer(() -> checkPassword(username, credentials.password())))
                .flatMap(account -> refreshTokens.startSession(account.username())
                        .flatMap(refresh -> tokens(account, refresh))
                        .doOnNext(issued -> learnPartnerContact(account, issued.accessToken())));
    }

    /**
     * A partner's address and language may have changed since its login was made (PUT /api/partners): a sign-in
     * asks the referral-service again, with the new token, so password resets and account emails follow. Done
     * after answering; a failure only leaves what was known.
     */
    private void learnPartnerContact(UserAccount account, String accessToken) {
        if (!account.isPartner() || account.partnerId() == null || !users.verifyPartner()) {
            return;
        }
        partners.contact(account.partnerId(), accessToken)
                .filter(contact -> !Objects.equals(contact.email(), account.email())
                        || !Objects.equals(contact.language(), account.language()))
                .flatMap(contact -> accounts.updateContact(account.username(), contact))
                .subscribe(done -> { }, failure -> log.debug("The contact of partner {} was not refreshed: {}",
                        account.partnerId(), failure.toString()));
    }

    public Mono<TokenResponse> refresh(String refreshToken) {
        return refreshTokens.rotate(refreshToken)
                .flatMap(rotation -> accounts.find(rotation.username())
                        .switchIfEmpty(Mono.error(InvalidRefreshTokenException::new))
                        .flatMap(account -> tokens(account, rotation.next())));
    }

    public Mono<Void> signOut(String refreshToken) {
        return refreshTokens.endSession(refreshToken);
    }

    private Mono<UserAccount> checkPassword(String username, String password) {
        return accounts.find(username)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(account -> passwords.matches(password, account.map(UserAccount::passwordHash).orElse(null))
                        .flatMap(matched -> matched && !developmentPasswords.refuses(password)
                                ? lockout.recordSuccess(username).thenReturn(account.get())
                                : lockout.recordFailure(username).then(Mono.error(InvalidCredentialsException::new))));
    }

    private Mono<TokenResponse> tokens(UserAccount account, RefreshTokens.IssuedRefreshToken refresh) {
        return accessTokens.issue(account).map(access -> new TokenResponse(access.value(), TokenResponse.BEARER,
                access.lifetime().toSeconds(), refresh.value(),
                Math.max(0, Duration.between(clock.instant(), refresh.expiresAt()).toSeconds())));
    }
}
