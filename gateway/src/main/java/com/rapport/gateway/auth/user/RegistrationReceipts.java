package com.rapport.gateway.auth.user;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.support.security.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Objects;
import java.util.Set;

/**
 * Which login an {@code Idempotency-Key} created, per caller ({@code user_registration_keys}, _id = caller + key),
 * so a retried {@code POST /auth/users} gets the original answer and a reused key with another request a 409.
 * The password is not kept here; a replay is recognised by checking it against the stored bcrypt hash.
 */
@Component
@ConditionalOnLocalIssuer
public class RegistrationReceipts {

    static final String COLLECTION = "user_registration_keys";

    private final ReactiveMongoTemplate mongo;

    public RegistrationReceipts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Receipt> find(String caller, String idempotencyKey) {
        return mongo.findById(id(caller, idempotencyKey), Receipt.class, COLLECTION);
    }

    public Mono<Receipt> remember(String caller, String idempotencyKey, UserAccount account) {
        return mongo.insert(new Receipt(id(caller, idempotencyKey), account.username(), account.roles(),
                account.partnerId()), COLLECTION);
    }

    private static String id(String caller, String idempotencyKey) {
        return caller + "\n" + idempotencyKey;
    }

    /** What a key created. */
    public record Receipt(@Id String id, String username, Set<Role> roles, String partnerId) {

        boolean describes(String otherUsername, Set<Role> otherRoles, String otherPartnerId) {
            return username.equals(otherUsername) && roles.equals(otherRoles)
                    && Objects.equals(partnerId, otherPartnerId);
        }
    }
}
