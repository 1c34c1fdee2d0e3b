package com.rapport.support.domain;

import com.rapport.support.problem.ProblemTypes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command the domain refuses, said in the domain's words: why (the {@link Reason}), the problem slug of API.md, a
 * title, a human detail and optional members (the current and allowed statuses of an illegal transition, the invalid
 * fields). Aggregates and domain services throw it and know nothing of HTTP; service-support's
 * {@code ProblemExceptionHandler} is the one place that turns a reason into a status.
 */
public class CommandRefused extends RuntimeException {

    /** Why a command was refused; each maps to exactly one HTTP status in the web layer. */
    public enum Reason {
        /** The command's content breaks a rule (400). */
        INVALID,
        /** The thing the command is about does not exist (404). */
        NOT_FOUND,
        /** The command is valid but the current state does not allow it (409). */
        CONFLICT,
        /** The caller may not do this to this thing (403). */
        FORBIDDEN
    }

    private final Reason reason;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties;

    public CommandRefused(Reason reason, String slug, String title, String detail) {
        this(reason, slug, title, detail, Map.of());
    }

    public CommandRefused(Reason reason, String slug, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.reason = reason;
        this.slug = slug;
        this.title = title;
        this.properties = new LinkedHashMap<>(properties);
    }

    public Reason reason() {
        return reason;
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

    /** One invalid field, reported like bean validation's errors ({@code errors: [{field, message}]}). */
    public static CommandRefused invalidField(String field, String message) {
        return new CommandRefused(Reason.INVALID, ProblemTypes.VALIDATION_FAILED, "Invalid request", field + ": " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    public static CommandRefused invalid(String slug, String title, String detail) {
        return new CommandRefused(Reason.INVALID, slug, title, detail);
    }

    public static CommandRefused notFound(String what, String id) {
        return new CommandRefused(Reason.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", "%s %s does not exist".formatted(what, id));
    }

    public static CommandRefused conflict(String slug, String title, String detail) {
        return new CommandRefused(Reason.CONFLICT, slug, title, detail);
    }

    public static CommandRefused conflict(String slug, String title, String detail, Map<String, Object> properties) {
        return new CommandRefused(Reason.CONFLICT, slug, title, detail, properties);
    }

    /** A lifecycle step not allowed from the current status; names the status and the ones it is allowed from. */
    public static CommandRefused illegalTransition(String detail, String currentStatus, List<String> allowedStatuses) {
        return new CommandRefused(Reason.CONFLICT, ProblemTypes.ILLEGAL_TRANSITION, "Illegal transition", detail,
                Map.of("currentStatus", currentStatus, "allowedStatuses", List.copyOf(allowedStatuses)));
    }

    public static CommandRefused forbidden(String detail) {
        return new CommandRefused(Reason.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }
}
