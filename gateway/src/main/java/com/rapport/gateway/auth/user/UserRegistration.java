package com.rapport.gateway.auth.user;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Creates logins. ADMIN and OPS may; OPS only PARTNER logins (separation of duties, API.md "Accounts": staff
 * logins, FINANCE above all, are an ADMIN's to give). A PARTNER login names an existing partner, other logins none.
 * Usernames are unique without regard to case.
 */
@Component
@ConditionalOnLocalIssuer
public class UserRegistration {

    private final UserAccounts accounts;
    private final Passwords passwords;
    private final DevelopmentPasswords developmentPasswords;
    private final PartnerDirectory partners;
    private final UsersProperties properties;
    private final Clock clock;

    public UserRegistration(UserAccounts accounts, Passwords passwords,
                            DevelopmentPasswords developmentPasswords, PartnerDirectory partners,
                            UsersProperties properties, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.developmentPasswords = developmentPasswords;
        this.partners = partners;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param callerToken the caller's bearer token, shown to the referral-service to look the partner up
     */
    public Mono<UserAccount> register(NewUser request, Caller caller, String callerToken) {
        caller.require(Role.ADMIN, Role.OPS);
        Set<Role> roles = EnumSet.copyOf(request.roles());
        refuseRolesTheCallerMayNotGive(caller, roles);
        refuseBrokenRules(request, roles);
        String username = Usernames.normalized(request.username());
        String partnerId = roles.contains(Role.PARTNER) ? request.partnerId().trim() : null;
        return create(username, request.password(), roles, partnerId, caller, callerToken);
    }

    private void refuseRolesTheCallerMayNotGive(Caller caller, Set<Role> roles) {
        if (caller.roles().contains(Role.ADMIN)) {
            return;
        }
        Set<Role> withheld = EnumSet.copyOf(roles);
        withheld.remove(Role.PARTNER);
        if (!withheld.isEmpty()) {
            throw ProblemException.forbidden("only an ADMIN may create users with the roles " + withheld);
        }
    }

    private void refuseBrokenRules(NewUser request, Set<Role> roles) {
        boolean hasPartnerId = request.partnerId() != null && !request.partnerId().isBlank();
        if (roles.contains(Role.PARTNER) && !hasPartnerId) {
            throw new InvalidUserException("partnerId", "is required for a PARTNER user");
        }
        if (!roles.contains(Role.PARTNER) && hasPartnerId) {
            throw new InvalidUserException("partnerId", "is only for PARTNER users");
        }
        refusePassword(request.password());
    }

    private Mono<UserAccount> create(String username, String password, Set<Role> roles, String partnerId,
                                     Caller caller, String callerToken) {
        Mono<Optional<PartnerContact>> partner = partnerId == null ? Mono.just(Optional.empty())
                : !properties.verifyPartner() ? Mono.just(Optional.of(PartnerContact.unknown(partnerId)))
                : partners.contact(partnerId, callerToken).map(Optional::of)
                .switchIfEmpty(Mono.error(() -> new InvalidUserException("partnerId", "names no partner")));
        return accounts.find(username)
                .<UserAccount>flatMap(existing -> Mono.error(new UsernameTakenException(username)))
                .then(partner)
                .flatMap(contact -> passwords.hash(password).map(hash -> {
                    UserAccount account = new UserAccount(username, hash, roles, partnerId, now(), caller.username());
                    return contact.map(account::withContact).orElse(account);
                }))
                .flatMap(accounts::insert);
    }

    /**
     * A PARTNER login for someone who accepted an invitation: checked like any other, but not stored yet (the
     * invitation is spent first). A taken username fails with {@link UsernameTakenException}.
     */
    public Mono<UserAccount> prepareInvited(String username, String password, PartnerContact partner,
                                            String invitedBy) {
        refusePassword(password);
        String normalized = Usernames.normalized(username);
        return accounts.find(normalized)
                .<UserAccount>flatMap(existing -> Mono.error(new UsernameTakenException(normalized)))
                .then(passwords.hash(password))
                .map(hash -> new UserAccount(normalized, hash, Set.of(Role.PARTNER), partner.partnerId(), now(),
                        invitedBy).withContact(partner));
    }

    /** The password rules annotations cannot express: at most 72 bytes, never a published one. */
    public void refusePassword(String password) {
        if (!Passwords.fits(password)) {
            throw new InvalidUserException("password", "must be at most %d bytes in UTF-8".formatted(
                    Passwords.MAX_BYTES));
        }
        if (developmentPasswords.refuses(password)) {
            throw new InvalidUserException("password", "is a published development password");
        }
    }

    /** MongoDB keeps milliseconds: the answer to a replay must equal the first one. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
