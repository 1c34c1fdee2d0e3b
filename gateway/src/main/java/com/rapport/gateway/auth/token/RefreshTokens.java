package com.rapport.gateway.auth.token;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.gateway.auth.LocalIssuerProperties;
import com.rapport.gateway.auth.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Opaque refresh tokens with rotation (OAuth 2.0 Security BCP): each refresh token works once and is replaced by a
 * new one of the same family; a session ends {@code refreshTokenLifetime} after sign-in however often it is
 * refreshed. Presenting a token that was already used means it was copied: the whole family is revoked. Only a
 * SHA-256 of each token is stored ({@code refresh_tokens}, by _id), so the database does not hold usable tokens.
 */
@Component
@ConditionalOnLocalIssuer
public class RefreshTokens implements ApplicationRunner {

    static final String COLLECTION = "refresh_tokens";

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final ReactiveMongoTemplate mongo;
    private final Duration lifetime;
    private final Duration startupTimeout;
    private final Clock clock;

    public RefreshTokens(ReactiveMongoTemplate mongo, LocalIssuerProperties properties, Clock clock) {
        this.mongo = mongo;
        this.lifetime = properties.refreshTokenLifetime();
        this.startupTimeout = properties.startupTimeout();
        this.clock = clock;
    }

    /** Lets MongoDB delete expired tokens by itself (a TTL index; servers without TTL support just keep them). */
    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(COLLECTION)
                .ensureIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO))
                .block(startupTimeout);
    }

    /** The first refresh token of a new session. */
    public Mono<IssuedRefreshToken> startSession(String username) {
        return store(username, UUID.randomUUID().toString(), clock.instant().plus(lifetime));
    }

    /** Spends a refresh token and hands out its successor; an invalid, expired, revoked or spent one is refused. */
    public Mono<Rotation> rotate(String token) {
        String id = digest(token);
        Query usable = Query.query(where("_id").is(id).and("used").is(false).and("revoked").is(false)
                .and("expiresAt").gt(clock.instant()));
        return mongo.findAndModify(usable, new Update().set("used", true),
                        FindAndModifyOptions.options().returnNew(false), StoredRefreshToken.class, COLLECTION)
                .flatMap(spent -> store(spent.username(), spent.family(), spent.expiresAt())
                        .map(next -> new Rotation(spent.username(), next)))
                .switchIfEmpty(Mono.defer(() -> mongo.findById(id, StoredRefreshToken.class, COLLECTION)
                        .filter(known -> known.used() && !known.revoked())
                        .flatMap(reused -> {
                            log.warn("A spent refresh token of '{}' was presented again: its session is revoked",
                                    reused.username());
                            return revokeFamily(reused.family());
                        })
                        .then(Mono.error(new InvalidRefreshTokenException()))));
    }

    /** Ends the session the token belongs to (sign-out); unknown tokens are ignored. */
    public Mono<Void> endSession(String token) {
        return mongo.findById(digest(token), StoredRefreshToken.class, COLLECTION)
                .flatMap(known -> revokeFamily(known.family()));
    }

    /** Ends every session of this login (its password was reset): none of its refresh tokens works any more. */
    public Mono<Void> endAllSessionsOf(String username) {
        return mongo.updateMulti(Query.query(where("username").is(username)), new Update().set("revoked", true),
                StoredRefreshToken.class, COLLECTION).then();
    }

    private Mono<Void> revokeFamily(String family) {
        return mongo.updateMulti(Query.query(where("family").is(family)), new Update().set("revoked", true),
                StoredRefreshToken.class, COLLECTION).then();
    }

    private Mono<IssuedRefreshToken> store(String username, String family, Instant expiresAt) {
        String token = Secrets.newSecret();
        StoredRefreshToken stored = new StoredRefreshToken(digest(token), username, family, clock.instant(),
                expiresAt, false, false);
        return mongo.insert(stored, COLLECTION).thenReturn(new IssuedRefreshToken(token, expiresAt));
    }

    private static String digest(String token) {
        return Secrets.digest(token);
    }

    record StoredRefreshToken(@Id String id, String username, String family, Instant issuedAt, Instant expiresAt,
                              boolean used, boolean revoked) {
    }

    public record IssuedRefreshToken(String value, Instant expiresAt) {
    }

    public record Rotation(String username, IssuedRefreshToken next) {
    }
}
