package com.rapport.gateway.auth.account;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.gateway.auth.LocalIssuerProperties;
import com.rapport.gateway.auth.Secrets;
import com.rapport.gateway.auth.lockout.LoginLockout;
import com.rapport.gateway.auth.token.RefreshTokens;
import com.rapport.gateway.auth.user.Passwords;
import com.rapport.gateway.auth.user.UserAccount;
import com.rapport.gateway.auth.user.UserAccounts;
import com.rapport.gateway.auth.user.UserRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Forgotten passwords. Asking is answered at once and the same way whether the address is known or not: the look-up
 * and the email happen after the answer, so neither the answer nor its timing tells. Every partner login of that
 * address gets its own single-use link, valid {@code passwordResetLifetime} (1 h), naming the login. Using it sets
 * the new password, ends every session of the login (its refresh tokens stop working), clears its failed sign-ins,
 * and spends the login's other open links. Only SHA-256 digests of the links are stored.
 */
@Component
@ConditionalOnLocalIssuer
public class PasswordResets implements ApplicationRunner {

    static final String COLLECTION = "password_resets";
    private static final String WHAT = "password reset";
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final ReactiveMongoTemplate mongo;
    private final UserAccounts accounts;
    private final UserRegistration registration;
    private final Passwords passwords;
    private final RefreshTokens refreshTokens;
    private final LoginLockout lockout;
    private final AccountMail mail;
    private final AccountsProperties properties;
    private final Duration startupTimeout;
    private final Clock clock;

    public PasswordResets(ReactiveMongoTemplate mongo, UserAccounts accounts, UserRegistration registration,
                          Passwords passwords, RefreshTokens refreshTokens, LoginLockout lockout, AccountMail mail,
                          AccountsProperties properties, LocalIssuerProperties issuer, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.registration = registration;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.lockout = lockout;
        this.mail = mail;
        this.properties = properties;
        this.startupTimeout = issuer.startupTimeout();
        this.clock = clock;
    }

    /** Expired links go by themselves; logins are found by their partner's address. */
    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(COLLECTION)
                .ensureIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO))
                .then(mongo.indexOps(COLLECTION).ensureIndex(new Index().on("username", Sort.Direction.ASC)))
                .then(mongo.indexOps("users").ensureIndex(new Index().on("email", Sort.Direction.ASC).sparse()))
                .block(startupTimeout);
    }

    /**
     * Starts sending the links for this address and returns at once; what happens next is only logged (the caller
     * must learn nothing from it).
     */
    public void requestFor(String email) {
        accounts.findByEmail(email)
                .filter(account -> account.isPartner() && account.email() != null)
                .concatMap(this::sendLink)
                .subscribe(sent -> { }, failure -> log.warn("A password-reset email could not be sent: {}",
                        failure.toString()));
    }

    private Mono<Void> sendLink(UserAccount account) {
        String token = Secrets.newSecret();
        Instant now = now();
        PasswordReset reset = new PasswordReset(Secrets.digest(token), account.username(), now,
                now.plus(properties.passwordResetLifetime()), null);
        return mongo.insert(reset, COLLECTION)
                .then(mail.passwordReset(account.email(), account.language(), account.username(),
                        properties.passwordResetLink(token), properties.passwordResetLifetime()))
                .doOnSuccess(sent -> log.info("Password-reset link sent for '{}'", account.username()));
    }

    /** Sets the new password; a link used, expired or unknown is a 410 and changes nothing. */
    public Mono<Void> reset(String token, String newPassword) {
        return Mono.defer(() -> {
            registration.refusePassword(newPassword);
            Query usable = Query.query(where("_id").is(Secrets.digest(token)).and("usedAt").is(null)
                    .and("expiresAt").gt(clock.instant()));
            return mongo.exists(usable, PasswordReset.class, COLLECTION)
                    .flatMap(exists -> exists ? passwords.hash(newPassword)
                            : Mono.error(new LinkGoneException(WHAT)))
                    .flatMap(hash -> mongo.findAndModify(usable, new Update().set("usedAt", now()),
                                    PasswordReset.class, COLLECTION)
                            .switchIfEmpty(Mono.error(() -> new LinkGoneException(WHAT)))
                            .flatMap(spent -> accounts.changePassword(spent.username(), hash)
                                    .then(refreshTokens.endAllSessionsOf(spent.username()))
                                    .then(lockout.recordSuccess(spent.username()))
                                    .then(spendOtherLinksOf(spent.username()))));
        });
    }

    private Mono<Void> spendOtherLinksOf(String username) {
        return mongo.updateMulti(Query.query(where("username").is(username).and("usedAt").is(null)),
                new Update().set("usedAt", now()), PasswordReset.class, COLLECTION).then();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
