package com.rapport.support.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.rapport.events.money.InvalidMoneyException;
import com.rapport.support.domain.CommandRefused;
import com.rapport.support.tracing.RequestThreadLocals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.channel.AbortedException;

import java.lang.reflect.UndeclaredThrowableException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one exception-to-problem mapping of a service: every error leaves as {@code application/problem+json}
 * with a stable {@code type}, the request path as {@code instance}, and {@code errors} for invalid fields.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final List<ProblemTranslator> translators;

    public ProblemExceptionHandler(List<ProblemTranslator> translators) {
        this.translators = List.copyOf(translators);
    }

    @ExceptionHandler({ProblemException.class, CommandRefused.class, InvalidMoneyException.class, AccessDeniedException.class,
            CompletionException.class, ExecutionException.class, UndeclaredThrowableException.class})
    public Mono<ResponseEntity<Object>> handleDomain(Throwable error, ServerWebExchange exchange) {
        return respond(error, exchange);
    }

    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<Object>> handleAny(Exception error, ServerWebExchange exchange) {
        return respond(error, exchange);
    }

    /** With the request's trace current, so that a logged error carries it. */
    private Mono<ResponseEntity<Object>> respond(Throwable error, ServerWebExchange exchange) {
        return RequestThreadLocals.around(() -> answer(error, exchange));
    }

    private Mono<ResponseEntity<Object>> answer(Throwable error, ServerWebExchange exchange) {
        Throwable cause = unwrap(error);
        if (cause instanceof ProblemException problem) {
            return Mono.just(problem(problem.status(), problem.slug(), problem.title(), problem.getMessage(),
                    problem.properties(), exchange));
        }
        if (cause instanceof CommandRefused refused) {
            return Mono.just(problem(statusOf(refused.reason()), refused.slug(), refused.title(),
                    refused.getMessage(), refused.properties(), exchange));
        }
        if (cause instanceof InvalidMoneyException invalid) {
            return Mono.just(invalidMoney(invalid, exchange));
        }
        if (cause instanceof AccessDeniedException) {
            return Mono.just(problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                    "your role does not allow this", Map.of(), exchange));
        }
        if (cause instanceof Exception framework && cause instanceof ErrorResponse) {
            return handleException(framework, exchange);
        }
        if (cause instanceof AbortedException && callerHungUp(exchange)) {
            // the caller's own connection is gone: its doing, and nobody reads this answer. Decided by the caller's
            // channel, not by the exception: the database's connection reset must stay a 500 the caller retries
            log.info("the caller hung up before its request was read: {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath());
            return Mono.just(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Request incomplete",
                    "the connection closed before the request was received in full", Map.of(), exchange));
        }
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), cause);
        return Mono.just(problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
                "the request could not be completed; it has been logged", Map.of(), exchange));
    }

    private static boolean callerHungUp(ServerWebExchange exchange) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection connection
                    && !connection.channel().isActive();
        } catch (IllegalArgumentException notServedByNetty) {
            return false;
        }
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .map(ProblemExceptionHandler::fieldError)
                .toList();
        String detail = errors.isEmpty() ? "the request is not valid"
                : errors.size() + " field(s) are not valid: " + String.join(", ",
                errors.stream().map(e -> e.get("field") + " " + e.get("message")).toList());
        return Mono.just(problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Invalid request", detail,
                Map.of("errors", errors), exchange));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof InvalidMoneyException invalid) {
                return Mono.just(invalidMoney(invalid, exchange));
            }
            if (root instanceof DataBufferLimitException) {
                return Mono.just(problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                        "Payload too large", "the request body is over the limit", Map.of(), exchange));
            }
        }
        return Mono.just(problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                describeInputError(ex), Map.of(), exchange));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : ex.getMessage();
        String title = HttpStatus.resolve(status.value()) != null
                ? HttpStatus.resolve(status.value()).getReasonPhrase() : "Error";
        ResponseEntity<Object> response = problem(status, ProblemTypes.slugFor(status), title, detail, Map.of(),
                exchange);
        if (headers != null && !headers.isEmpty()) {
            HttpHeaders merged = new HttpHeaders();
            merged.putAll(headers);
            merged.putAll(response.getHeaders());
            return Mono.just(new ResponseEntity<>(response.getBody(), merged, response.getStatusCode()));
        }
        return Mono.just(response);
    }

    public static ResponseEntity<Object> problem(HttpStatusCode status, String slug, String title, String detail,
                                                 Map<String, Object> properties, ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(ProblemTypes.of(slug));
        body.setTitle(title);
        body.setInstance(URI.create(exchange.getRequest().getPath().value()));
        properties.forEach(body::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** The one place a domain's reason for refusing a command becomes an HTTP status. */
    static HttpStatus statusOf(CommandRefused.Reason reason) {
        return switch (reason) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    private ResponseEntity<Object> invalidMoney(InvalidMoneyException invalid, ServerWebExchange exchange) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_MONEY, "Invalid money", invalid.getMessage(),
                Map.of(), exchange);
    }

    private Throwable unwrap(Throwable error) {
        Throwable current = error;
        for (int depth = 0; depth < 10; depth++) {
            Throwable next = current;
            if ((current instanceof CompletionException || current instanceof ExecutionException
                    || current instanceof UndeclaredThrowableException) && current.getCause() != null) {
                next = current.getCause();
            }
            for (ProblemTranslator translator : translators) {
                next = translator.translate(next);
            }
            if (next == current) {
                return current;
            }
            current = next;
        }
        return current;
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage());
    }

    private static String describeInputError(ServerWebInputException ex) {
        Throwable cause = ex.getCause();
        while (cause != null) {
            if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String field = mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
                return "field '%s' has the wrong type or format".formatted(field);
            }
            if (cause instanceof JsonProcessingException json) {
                return "the body is not valid JSON: " + json.getOriginalMessage();
            }
            if (cause instanceof CodecException && cause.getCause() == null) {
                return cause.getMessage();
            }
            cause = cause.getCause();
        }
        return ex.getReason() != null ? ex.getReason() : "the request could not be read";
    }
}
