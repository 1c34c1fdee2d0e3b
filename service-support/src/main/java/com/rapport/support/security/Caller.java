package com.rapport.support.security;

import com.rapport.support.problem.ProblemException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as stated by a verified JWT and nothing else: identity headers sent by clients are never
 * read. Claims: {@code sub} (username), {@code roles} (names of {@link Role}), {@code partnerId} (PARTNER only).
 */
public record Caller(String username, Set<Role> roles, String partnerId) {

    public static final String ROLES_CLAIM = "roles";
    public static final String PARTNER_ID_CLAIM = "partnerId";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller of(Jwt jwt) {
        List<String> names = Optional.ofNullable(jwt.getClaimAsStringList(ROLES_CLAIM)).orElse(List.of());
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst().ifPresent(roles::add);
        }
        return new Caller(jwt.getSubject(), roles, jwt.getClaimAsString(PARTNER_ID_CLAIM));
    }

    /** True when the caller holds one of the roles; ADMIN holds them all. */
    public boolean hasAnyRole(Role... wanted) {
        return roles.contains(Role.ADMIN) || Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public boolean hasAnyRole(Collection<Role> wanted) {
        return hasAnyRole(wanted.toArray(Role[]::new));
    }

    /** A partner-only caller: bound to one partner and nothing more. */
    public boolean isPartner() {
        return roles.contains(Role.PARTNER) && !hasAnyRole(Role.OPS, Role.FINANCE);
    }

    /** Refuses with 403 unless the caller holds one of the roles. */
    public Caller require(Role... wanted) {
        if (!hasAnyRole(wanted)) {
            throw ProblemException.forbidden("this needs one of the roles " + Arrays.toString(wanted));
        }
        return this;
    }

    /**
     * May this caller see the partner's data? Staff with one of {@code staffRoles} may see every partner; a partner
     * only itself. Callers who may not are answered 404 by the caller of this method, never 403, so that another
     * partner's resources are not revealed to exist.
     */
    public boolean maySee(String ownerPartnerId, Role... staffRoles) {
        if (hasAnyRole(staffRoles)) {
            return true;
        }
        return roles.contains(Role.PARTNER) && partnerId != null && partnerId.equals(ownerPartnerId);
    }
}
