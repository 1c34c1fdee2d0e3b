package com.rapport.gateway.auth.user;

import com.rapport.support.security.Role;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A login, as stored in the {@code users} collection: the username (lower case) is the _id, so it is unique; only
 * a bcrypt hash of the password is kept. A PARTNER login also keeps its partner's email address (lower case, where
 * password-reset links go) and language, as last learnt from the referral-service; staff logins have neither.
 * Never sent to clients: {@link UserView} is.
 */
public record UserAccount(@Id String username, String passwordHash, Set<Role> roles, String partnerId,
                          Instant createdAt, String createdBy, String email, String language) {

    public UserAccount {
        roles = Set.copyOf(roles);
        email = email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public UserAccount(String username, String passwordHash, Set<Role> roles, String partnerId, Instant createdAt,
                       String createdBy) {
        this(username, passwordHash, roles, partnerId, createdAt, createdBy, null, null);
    }

    public UserAccount withContact(PartnerContact contact) {
        return new UserAccount(username, passwordHash, roles, partnerId, createdAt, createdBy, contact.email(),
                contact.language());
    }

    public boolean isPartner() {
        return roles.contains(Role.PARTNER);
    }
}
