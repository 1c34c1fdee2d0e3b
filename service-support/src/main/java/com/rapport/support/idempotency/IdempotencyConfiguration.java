package com.rapport.support.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.support.problem.ProblemConfiguration;
import com.rapport.support.problem.ProblemResponseWriter;
import com.rapport.support.time.ClockConfiguration;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The {@link IdempotencyKeyFilter} of a service that lists routes in {@code rapport.idempotency.routes}; keys live in
 * the service's own database ({@code idempotency-keys}).
 */
@AutoConfiguration(after = {MongoReactiveDataAutoConfiguration.class, ProblemConfiguration.class,
        ClockConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(ReactiveMongoTemplate.class)
@Conditional(IdempotencyConfiguration.RoutesListed.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyConfiguration {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    IdempotencyStore idempotencyStore(ReactiveMongoTemplate mongo, Clock clock, IdempotencyProperties properties) {
        return new IdempotencyStore(mongo, clock, properties);
    }

    @Bean
    public IdempotencyKeyFilter idempotencyKeyFilter(IdempotencyProperties properties, IdempotencyStore store,
                                                     ProblemResponseWriter problems, ObjectMapper mapper,
                                                     @Value("${spring.codec.max-in-memory-size:64KB}") DataSize maxBody) {
        return new IdempotencyKeyFilter(properties, store, problems, mapper, (int) maxBody.toBytes());
    }

    @Bean
    ApplicationRunner idempotencyKeyExpiry(IdempotencyStore store) {
        return args -> store.expireOldKeys().block(STARTUP_TIMEOUT);
    }

    /** The API document shows the header on every operation the filter covers. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenApiCustomizer.class)
    static class Documentation {

        @Bean
        OpenApiCustomizer idempotencyKeyDocumentation(IdempotencyProperties properties) {
            IdempotentRoutes routes = new IdempotentRoutes(properties.routes());
            return openApi -> {
                if (openApi.getPaths() == null) {
                    return;
                }
                openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (routes.cover(HttpMethod.valueOf(method.name()), path)) {
                        operation.addParametersItem(new HeaderParameter().name(IdempotencyKeyFilter.HEADER)
                                .required(false)
                                .description("the same key and request answer the first answer again; the same key "
                                        + "with another request is a 409 idempotency-key-reused")
                                .schema(new StringSchema().maxLength(properties.maxKeyLength())));
                    }
                }));
            };
        }
    }

    /** {@code rapport.idempotency.routes} names at least one route (a YAML list or a comma-separated value). */
    static class RoutesListed extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            List<String> routes = Binder.get(context.getEnvironment())
                    .bind("rapport.idempotency.routes", Bindable.listOf(String.class)).orElse(List.of());
            return routes.isEmpty() ? ConditionOutcome.noMatch("no rapport.idempotency.routes")
                    : ConditionOutcome.match("rapport.idempotency.routes " + routes);
        }
    }
}
