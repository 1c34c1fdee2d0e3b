package com.rapport.gateway.auth.user;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt hashing and checking, off the event loop (each takes tens of milliseconds on purpose). A check for a user
 * that does not exist still runs bcrypt against a decoy hash, so response times do not reveal which usernames exist.
 */
@Component
@ConditionalOnLocalIssuer
public class Passwords {

    /** bcrypt looks at no more than this many bytes of a password. */
    public static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    private final String decoyHash;

    public Passwords(UsersProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.bcryptStrength());
        this.decoyHash = encoder.encode("decoy password that matches nothing");
    }

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    /** True only when there is a hash and the password matches it. */
    public Mono<Boolean> matches(String password, String hashOrNull) {
        return Mono.fromCallable(() -> {
            boolean usable = hashOrNull != null && fits(password);
            boolean matched = encoder.matches(usable ? password : "", usable ? hashOrNull : decoyHash);
            return usable && matched;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
