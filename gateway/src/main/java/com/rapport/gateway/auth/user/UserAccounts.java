package com.rapport.gateway.auth.user;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The {@code users} collection, read and written by exact _id only (what every MongoDB server indexes). */
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

    /** Stores a new login; a username already taken fails with {@link UsernameTakenException}. */
    public Mono<UserAccount> insert(UserAccount account) {
        return mongo.insert(account, COLLECTION)
                .onErrorMap(DuplicateKeyException.class, taken -> new UsernameTakenException(account.username()));
    }
}
