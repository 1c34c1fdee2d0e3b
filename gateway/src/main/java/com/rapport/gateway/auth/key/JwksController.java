package com.rapport.gateway.auth.key;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/** The public key set every service verifies tokens with ({@code RAPPORT_JWK_SET_URI}); open to anyone. */
@RestController
@ConditionalOnLocalIssuer
public class JwksController {

    public static final String PATH = "/.well-known/jwks.json";

    private final SigningKeys keys;

    public JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> keySet() {
        // publicKeys() holds public halves only; toJSONObject(true) would drop private parts anyway
        return keys.publicKeys().map(set -> set.toJSONObject(true));
    }
}
