package com.rapport.gateway.auth.token;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.gateway.auth.lockout.LoginLockout;
import com.rapport.gateway.auth.user.DevelopmentPasswords;
import com.rapport.gateway.auth.user.Passwords;
import com.rapport.gateway.auth.user.UserAccount;
import com.rapport.gateway.auth.user.UserAccounts;
import com.rapport.gateway.auth.user.Usernames;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Signing in, refreshing and signing out. A sign-in first asks whether the username is locked (429, the password is
 * not even checked), then checks the password (a wrong one counts towards the lock-out), then opens a session:
 * an access token and the first refresh token. A refresh re-reads the user, so changed roles apply at once.
 */
@Component
@ConditionalOnLocalIssuer
public class Sessions {

    private final UserAccounts accounts;
    private final Passwords passwords;
    private final DevelopmentPasswords developmentPasswords;
    private final LoginLockout lockout;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final Clock clock;

    public Sessions(UserAccounts accounts, Passwords passwords, DevelopmentPasswords developmentPasswords,
                    LoginLockout lockout, AccessTokens accessTokens, RefreshTokens refreshTokens, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.developmentPasswords = developmentPasswords;
        this.lockout = lockout;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    public Mono<TokenResponse> signIn(Credentials credentials) {
        String username = Usernames.normalized(credentials.username());
        return lockout.remainingLock(username)
                .flatMap(remaining -> Mono.<UserAccount>error(new TooManySignInAttemptsException(remaining)))
                .switchIfEmpty(Mono.defer(() -> checkPassword(username, credentials.password())))
                .flatMap(account -> refreshTokens.startSession(account.username())
                        .flatMap(refresh -> tokens(account, refresh)));
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
