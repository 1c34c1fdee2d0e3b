package com.rapport.support.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/** RFC 9457 errors for every service: one advice, one writer, one last-resort handler. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ProblemResponseWriter problemResponseWriter(ObjectMapper mapper) {
        return new ProblemResponseWriter(mapper);
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemExceptionHandler problemExceptionHandler(ObjectProvider<ProblemTranslator> translators) {
        return new ProblemExceptionHandler(translators.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemWebExceptionHandler problemWebExceptionHandler(ProblemResponseWriter writer) {
        return new ProblemWebExceptionHandler(writer);
    }

    @Bean
    @ConditionalOnMissingBean
    public ImpossibleIdFilter impossibleIdFilter(ProblemResponseWriter writer) {
        return new ImpossibleIdFilter(writer);
    }

    /** The security firewall's refusals (picked up by Spring Security's WebFilterChainProxy) as problems too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ServerExchangeRejectedHandler.class)
    static class FirewallRefusals {

        @Bean
        @ConditionalOnMissingBean(ServerExchangeRejectedHandler.class)
        ProblemExchangeRejectedHandler problemExchangeRejectedHandler(ProblemResponseWriter writer) {
            return new ProblemExchangeRejectedHandler(writer);
        }
    }
}
