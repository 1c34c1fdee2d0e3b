package com.rapport.gateway.auth;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.rapport.gateway.auth.key.SigningKeys;
import com.rapport.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the signing key comes from, against a real MongoDB server: one key for every instance and restart. */
class SigningKeysTest {

    private final MongoClient client = MongoClients.create(TestInfrastructure.shared().mongo().connectionString());
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client,
            "signing-keys-" + UUID.randomUUID());

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aKeyGeneratedOnFirstStartIsTheKeyOfEveryLaterStart() {
        String first = keysFrom(null).current().block().keyId();
        String afterRestart = keysFrom(null).current().block().keyId();

        assertThat(afterRestart).isEqualTo(first);
    }

    @Test
    void instancesStartingTogetherAgreeOnOneKey() {
        SigningKeys one = keysFrom(null);
        SigningKeys other = keysFrom(null);

        var both = Mono.zip(one.current(), other.current()).block();

        assertThat(both.getT1().keyId()).isEqualTo(both.getT2().keyId());
    }

    @Test
    void onlyThePublicHalfIsPublished() {
        var published = keysFrom(null).publicKeys().block();

        assertThat(published.getKeys()).singleElement().satisfies(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void aConfiguredKeyFileIsUsedInsteadOfTheDatabase(@TempDir Path dir) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("from-file").generate();
        Path file = dir.resolve("signing-key.json");
        Files.writeString(file, key.toJSONString());

        SigningKeys keys = keysFrom(new FileSystemResource(file));

        assertThat(keys.current().block().keyId()).isEqualTo("from-file");
        assertThat(mongo.collectionExists("signing_keys").block()).isFalse();
    }

    @Test
    void aKeyFileWithoutThePrivateKeyIsRefused(@TempDir Path dir) throws Exception {
        JWK publicOnly = new RSAKeyGenerator(2048).generate().toPublicJWK();
        Path file = dir.resolve("public.json");
        Files.writeString(file, publicOnly.toJSONString());

        assertThatThrownBy(() -> keysFrom(new FileSystemResource(file)).current().block())
                .hasMessageContaining("private RSA key");
    }

    private SigningKeys keysFrom(Resource location) {
        LocalIssuerProperties properties = new LocalIssuerProperties(true, Duration.ofMinutes(15),
                Duration.ofHours(8), new LocalIssuerProperties.SigningKey(location, 2048), Duration.ofSeconds(30));
        return new SigningKeys(mongo, properties, Clock.systemUTC());
    }
}
