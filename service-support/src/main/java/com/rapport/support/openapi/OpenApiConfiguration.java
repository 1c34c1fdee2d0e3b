package com.rapport.support.openapi;

import com.rapport.support.security.Caller;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Each service documents its API at {@code /v3/api-docs} (springdoc, from the controllers); the gateway merges the
 * services' documents into the one API.md promises. The caller's identity is resolved from the token, never sent as a
 * parameter, so it is left out of the documents.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean
    public OpenAPI rapportOpenApi(@Value("${spring.application.name:rapport}") String application) {
        return new OpenAPI().info(new Info().title("Rapport " + application).version("v1")
                .description("Part of the Rapport API; the gateway serves all of it at /v3/api-docs."));
    }
}
