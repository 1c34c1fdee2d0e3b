package com.rapport.gateway.auth.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.gateway.auth.LocalIssuerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The RSA key the gateway signs tokens with. It must survive restarts and be the same on every gateway instance,
 * so it is either read from a configured JWK file or generated on the very first start and kept in MongoDB
 * (collection {@code signing_keys}); two instances starting together agree on one key through the unique _id.
 * Only the public half ever leaves this class through {@link #publicKeys()}.
 */
@Component
@ConditionalOnLocalIssuer
public class SigningKeys implements ApplicationRunner {

    static final String COLLECTION = "signing_keys";
    static final String CURRENT = "current";

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final ReactiveMongoTemplate mongo;
    private final int keySize;
    private final Clock clock;
    private final Duration startupTimeout;
    private final Mono<ActiveKey> current;

    public SigningKeys(ReactiveMongoTemplate mongo, LocalIssuerProperties properties, Clock clock) {
        this.mongo = mongo;
        this.keySize = properties.signingKey().size();
        this.clock = clock;
        this.startupTimeout = properties.startupTimeout();
        Resource location = properties.signingKey().location();
        Mono<RSAKey> source = location != null ? fromFile(location) : fromMongo();
        // loaded once; a failure (database not up yet) is retried on the next use
        this.current = source.map(ActiveKey::new)
                .cache(key -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** Loads (or creates) the key before the gateway reports ready, so the first sign-in does not wait for it. */
    @Override
    public void run(ApplicationArguments args) {
        current.block(startupTimeout);
    }

    /** The key to sign with, and an encoder for it. */
    public Mono<ActiveKey> current() {
        return current;
    }

    /** The public keys tokens are verified with: what {@code /.well-known/jwks.json} publishes. */
    public Mono<JWKSet> publicKeys() {
        return current.map(active -> new JWKSet(active.key().toPublicJWK()));
    }

    /** Verification keys for the gateway's own decoder, without a trip over HTTP. */
    public Flux<JWK> verificationKeys() {
        return publicKeys().flatMapIterable(JWKSet::getKeys);
    }

    private Mono<RSAKey> fromFile(Resource location) {
        return Mono.fromCallable(() -> {
            try (InputStream in = location.getInputStream()) {
                JWK jwk = JWK.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
                    throw new IllegalStateException(location + " must hold a private RSA key in JWK form");
                }
                RSAKey key = rsa.getKeyID() != null ? rsa
                        : new RSAKey.Builder(rsa).keyIDFromThumbprint().build();
                log.info("Signing tokens with key {} from {}", key.getKeyID(), location);
                return key;
            } catch (IOException | ParseException | JOSEException e) {
                throw new IllegalStateException("cannot read the signing key from " + location, e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<RSAKey> fromMongo() {
        return mongo.findById(CURRENT, StoredKey.class, COLLECTION)
                .switchIfEmpty(Mono.defer(this::generateAndStore))
                .map(stored -> parse(stored.jwk()));
    }

    private Mono<StoredKey> generateAndStore() {
        return Mono.fromCallable(this::generate)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(key -> mongo.insert(new StoredKey(CURRENT, key.toJSONString(), clock.instant()), COLLECTION)
                        .doOnNext(stored -> log.info("Generated signing key {} and stored it in MongoDB ({})",
                                key.getKeyID(), COLLECTION)))
                // another instance stored its key first: everyone uses that one
                .onErrorResume(DuplicateKeyException.class,
                        taken -> mongo.findById(CURRENT, StoredKey.class, COLLECTION));
    }

    private RSAKey generate() throws JOSEException {
        return new RSAKeyGenerator(keySize)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint(true)
                .generate();
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("the stored signing key is not a valid RSA JWK", e);
        }
    }

    /** The private key as JWK JSON: the database that holds it must be protected like a secret. */
    record StoredKey(@Id String id, String jwk, Instant createdAt) {
    }

    /** A signing key and the encoder bound to it. */
    public record ActiveKey(RSAKey key, JwtEncoder encoder) {

        ActiveKey(RSAKey key) {
            this(key, new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))));
        }

        public String keyId() {
            return key.getKeyID();
        }
    }
}
