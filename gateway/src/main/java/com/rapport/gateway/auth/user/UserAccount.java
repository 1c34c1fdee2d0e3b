package com.rapport.gateway.auth.user;

import com.rapport.support.security.Role;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.Set;

/**
 * A login, as stored in the {@code users} collection: the username (lower case) is the _id, so it is unique; only
 * a bcrypt hash of the password is kept. Never sent to clients: {@link UserView} is.
 */
public record UserAccount(@Id String username, String passwordHash, Set<Role> roles, String partnerId,
                          Instant createdAt, String createdBy) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean isPartner() {
        return roles.contains(Role.PARTNER);
    }
}
