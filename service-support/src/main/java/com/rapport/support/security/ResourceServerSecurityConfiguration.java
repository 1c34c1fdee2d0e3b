package com.rapport.support.security;

import com.rapport.support.problem.ProblemConfiguration;
import com.rapport.support.problem.ProblemResponseWriter;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every service is an OAuth2 resource server: a request without a valid JWT (signed by the key set at
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, or an OpenID provider's {@code issuer-uri}, from
 * that issuer, for Rapport's {@code audiences}, with an expiry not passed) is answered 401 whatever headers it
 * carries. Roles are checked again inside each service, not only at the gateway.
 */
@AutoConfiguration(after = ProblemConfiguration.class,
        before = {ReactiveSecurityAutoConfiguration.class, ReactiveOAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
public class ResourceServerSecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    public SecurityWebFilterChain resourceServerFilterChain(ServerHttpSecurity http, ProblemResponseWriter problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .authenticationEntryPoint(unauthenticated(problems))
                        .accessDeniedHandler(forbidden(problems))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter())))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated(problems))
                        .accessDeniedHandler(forbidden(problems)))
                .build();
    }

    /**
     * Added by Spring Boot to the token check it builds from the properties (it already checks the signature, the
     * issuer, {@code exp} and {@code nbf} when present, and the {@code audiences}): a token must also carry an
     * expiry, or a leaked one would work for ever. Refuses to start without an audience, so that a token issued for
     * another application of the same provider never passes.
     */
    @Bean
    public OAuth2TokenValidator<Jwt> rapportTokenRequirements(
            ObjectProvider<OAuth2ResourceServerProperties> properties) {
        OAuth2ResourceServerProperties resourceServer = properties.getIfAvailable();
        boolean audienceConfigured = resourceServer != null
                && resourceServer.getJwt().getAudiences().stream().anyMatch(audience -> !audience.isBlank());
        if (!audienceConfigured) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.audiences"
                    + " (RAPPORT_TOKEN_AUDIENCE) must name the audience Rapport's tokens are issued for");
        }
        return new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull);
    }

    /** Every token check of the process, Spring Boot's from the properties or the gateway's own, remembers what it verified. */
    @Bean
    public static BeanPostProcessor recentlyVerifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof RecentlyVerifiedTokens)
                        ? new RecentlyVerifiedTokens(decoder, Clock.systemUTC()) : bean;
            }
        };
    }

    @Bean
    public WebFluxConfigurer callerArgumentResolverConfigurer() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver());
            }
        };
    }

    public static ServerAuthenticationEntryPoint unauthenticated(ProblemResponseWriter problems) {
        return (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
                    "Unauthenticated", "a valid bearer token is required");
        };
    }

    public static ServerAccessDeniedHandler forbidden(ProblemResponseWriter problems) {
        return (exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                "your role does not allow this");
    }

    static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(ResourceServerSecurityConfiguration::authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = Optional.ofNullable(jwt.getClaimAsStringList(Caller.ROLES_CLAIM)).orElse(List.of());
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
