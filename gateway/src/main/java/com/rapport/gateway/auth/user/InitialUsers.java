package com.rapport.gateway.auth.user;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.gateway.auth.LocalIssuerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

/**
 * Creates the configured initial users that do not exist yet (an existing user is never overwritten), before the
 * gateway reports itself ready. In the local profile these are the development users, announced loudly. Outside it
 * the gateway refuses to start if any of them has a published development password.
 */
@Component
@ConditionalOnLocalIssuer
public class InitialUsers implements ApplicationRunner {

    static final String CREATOR = "initial-users";

    private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);

    private final List<UsersProperties.InitialUser> users;
    private final UserAccounts accounts;
    private final Passwords passwords;
    private final DevelopmentPasswords developmentPasswords;
    private final LocalIssuerProperties issuer;
    private final Clock clock;

    public InitialUsers(UsersProperties properties, UserAccounts accounts, Passwords passwords,
                        DevelopmentPasswords developmentPasswords, LocalIssuerProperties issuer, Clock clock) {
        this.users = properties.initial();
        this.accounts = accounts;
        this.passwords = passwords;
        this.developmentPasswords = developmentPasswords;
        this.issuer = issuer;
        this.clock = clock;
        refuseDevelopmentPasswordsOutsideLocalProfile();
    }

    private void refuseDevelopmentPasswordsOutsideLocalProfile() {
        List<String> offending = users.stream()
                .filter(user -> developmentPasswords.refuses(user.password()))
                .map(UsersProperties.InitialUser::username)
                .toList();
        if (!offending.isEmpty()) {
            throw new IllegalStateException(("Refusing to start: initial user(s) %s have a published development "
                    + "password, allowed only in the '%s' profile. Configure real passwords (rapport.users.initial) "
                    + "or run with SPRING_PROFILES_ACTIVE=%s on a developer machine.")
                    .formatted(offending, developmentPasswords.localProfileName(),
                            developmentPasswords.localProfileName()));
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.isEmpty()) {
            return;
        }
        Flux.fromIterable(users)
                .concatMap(this::createIfMissing)
                .then()
                .block(issuer.startupTimeout());
        if (developmentPasswords.isLocalProfile()) {
            log.warn("""

                    ************************************************************************************
                    *  LOCAL DEVELOPMENT USERS ARE ACTIVE: {}
                    *  Their passwords are published in the README. For local use only: never expose
                    *  this gateway to a network, and never run the '{}' profile anywhere else.
                    ************************************************************************************""",
                    users.stream().map(UsersProperties.InitialUser::username).toList(),
                    developmentPasswords.localProfileName());
        }
    }

    private Mono<UserAccount> createIfMissing(UsersProperties.InitialUser user) {
        String username = Usernames.normalized(user.username());
        return accounts.find(username)
                .switchIfEmpty(Mono.defer(() -> passwords.hash(user.password())
                        .map(hash -> new UserAccount(username, hash, EnumSet.copyOf(user.roles()), user.partnerId(),
                                clock.instant(), CREATOR))
                        .flatMap(accounts::insert)
                        .doOnNext(created -> log.info("Created initial user '{}' with roles {}", username,
                                created.roles()))
                        // another gateway instance created it at the same moment
                        .onErrorResume(UsernameTakenException.class, taken -> accounts.find(username))));
    }
}
