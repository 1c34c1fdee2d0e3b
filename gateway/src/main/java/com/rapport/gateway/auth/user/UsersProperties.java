package com.rapport.gateway.auth.user;

import com.rapport.support.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code rapport.users.*}: users created at start when missing ({@code initial}; the local profile lists the three
 * development users), whether a PARTNER login's partner must exist in the
 * referral-service, the bcrypt cost, and the well-known development passwords refused outside {@code localProfile}.
 */
@ConfigurationProperties("rapport.users")
public record UsersProperties(List<InitialUser> initial, boolean verifyPartner,
                              Duration partnerCheckTimeout, int bcryptStrength, String localProfile,
                              List<String> developmentPasswords) {

    public UsersProperties {
        initial = initial == null ? List.of() : List.copyOf(initial);
        developmentPasswords = developmentPasswords == null ? List.of() : List.copyOf(developmentPasswords);
    }

    public record InitialUser(String username, String password, Set<Role> roles, String partnerId) {
    }
}
