package com.rapport.support.problem;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal the caller must understand: one HTTP status, one problem slug, a human detail, and optional extra
 * members (for example the current and allowed statuses of an illegal transition). Business exceptions extend it so
 * that one handler per service turns every refusal into the same RFC 9457 shape.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties;

    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public ProblemException(HttpStatus status, String slug, String title, String detail,
                            Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.properties = new LinkedHashMap<>(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                "%s %s does not exist".formatted(what, id));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, slug, title, detail);
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, slug, title, detail);
    }
}
