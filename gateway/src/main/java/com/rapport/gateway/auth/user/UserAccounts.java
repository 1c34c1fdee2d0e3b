package com.rapport.gateway.auth.user;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Locale;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The {@code users} collection, read and written by exact _id, except the look-up of a partner's logins by email
 * for a password reset (indexed on {@code email} by {@code AccountLinks} at start).
 */
@Component
@ConditionalOnLocalIssuer
public class UserAccounts {

    static final String COLLECTION = "users";

    private final ReactiveMongoTemplate mongo;

    public UserAccounts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<UserAccount> find(String username) {
        return mongo.findById(Usernames.normalized(username), UserAccount.class, COLLECTION);
    }

    /** The logins whose partner has this email address (compared without case). */
    public Flux<UserAccount> findByEmail(String email) {
        return mongo.find(Query.query(where("email").is(email.trim().toLowerCase(Locale.ROOT))), UserAccount.class,
                COLLECTION);
    }

    /** Replaces the password hash of an existing login. */
    public Mono<Void> changePassword(String username, String passwordHash) {
        return mongo.updateFirst(Query.query(where("_id").is(Usernames.normalized(username))),
                new Update().set("passwordHash", passwordHash), UserAccount.class, COLLECTION).then();
    }

    /** Remembers the partner's address and language as the referral-service gives them now. */
    public Mono<Void> updateContact(String username, PartnerContact contact) {
        return mongo.updateFirst(Query.query(where("_id").is(Usernames.normalized(username))),
                new Update().set("email", contact.email() == null ? null
                                : contact.email().toLowerCase(Locale.ROOT))
                        .set("language", contact.language()), UserAccount.class, COLLECTION).then();
    }

    /** Stores a new login; a username already taken fails with {@link UsernameTakenException}. */
    public Mono<UserAccount> insert(UserAccount account) {
        return mongo.insert(account, COLLECTION)
                .onErrorMap(DuplicateKeyException.class, taken -> new UsernameTakenException(account.username()));
    }
}
