package com.rapport.support.problem;

import org.springframework.http.HttpStatusCode;

import java.net.URI;

/**
 * The stable problem types of API.md: {@code https://docs.rapport.example/problems/<slug>}. Slugs are part of
 * the public contract; add new ones, never rename.
 */
public final class ProblemTypes {

    public static final String BASE = "https://docs.rapport.example/problems/";

    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String VALIDATION_FAILED = "validation-failed";
    public static final String INVALID_MONEY = "invalid-money";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String CONFLICT = "conflict";
    public static final String CONCURRENT_MODIFICATION = "concurrent-modification";
    public static final String ILLEGAL_TRANSITION = "illegal-transition";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String TOO_MANY_REQUESTS = "too-many-requests";
    public static final String INTERNAL_ERROR = "internal-error";
    public static final String BAD_GATEWAY = "bad-gateway";
    public static final String GATEWAY_TIMEOUT = "gateway-timeout";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(BASE + slug);
    }

    /** The slug a bare HTTP status maps to when nothing more specific is known. */
    public static String slugFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 502 -> BAD_GATEWAY;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> status.is4xxClientError() ? MALFORMED_REQUEST : INTERNAL_ERROR;
        };
    }
}
