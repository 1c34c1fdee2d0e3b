package com.rapport.gateway.auth.user;

import com.rapport.support.security.Role;

import java.time.Instant;
import java.util.List;

/** A login as clients see it: no hash, ever. */
public record UserView(String username, List<Role> roles, String partnerId, Instant createdAt) {

    public static UserView of(UserAccount account) {
        return new UserView(account.username(), account.roles().stream().sorted().toList(), account.partnerId(),
                account.createdAt());
    }
}
