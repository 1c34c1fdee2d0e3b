package com.rapport.gateway.config;

import com.rapport.support.problem.ProblemResponseWriter;
import com.rapport.support.security.Caller;
import com.rapport.support.security.ResourceServerSecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who may pass the gateway. {@code /api/**}, user administration and invitations need a valid token (checked here with the
 * gateway's own key, or the OpenID provider's, before anything is routed); signing in, accepting an invitation, password
 * resets, the key set, health and the portal's static files are open. Every refusal is problem+json; every response carries the security headers.
 * Defining this chain makes service-support's resource-server chain back off.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Only here is a bearer token read: a stale token sent to the sign-in endpoint must not turn it into a 401. */
    static final String[] PROTECTED_PATHS = {"/api/**", "/auth/users", "/auth/users/**", "/auth/invitations",
        "/actuator/**"};

    @Bean
    public SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, ProblemResponseWriter problems,
                                                             GatewaySecurityProperties properties) {
        GatewaySecurityProperties.Headers headers = properties.headers();
        http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(spec -> spec
                        .contentSecurityPolicy(csp -> csp.policyDirectives(headers.contentSecurityPolicy()))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(headers.referrerPolicy()))
                        // written only on requests that came over TLS
                        .hsts(hsts -> hsts.maxAge(headers.hstsMaxAge()).includeSubdomains(true)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .pathMatchers("/api/**", "/auth/users", "/auth/users/**", "/auth/invitations").authenticated()
                        .pathMatchers(HttpMethod.POST, "/auth/token", "/auth/refresh", "/auth/logout").permitAll()
                        // whoever holds the link (or asks for one)
                        .pathMatchers(HttpMethod.POST, "/auth/invitations/*/accept", "/auth/password-resets",
                                "/auth/password-resets/*").permitAll()
                        // the key set, the portal's static files, and a problem 404 for anything unknown
                        .pathMatchers(HttpMethod.GET, "/**").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenConverter(bearerTokenOnProtectedPaths())
                        .authenticationEntryPoint(ResourceServerSecurityConfiguration.unauthenticated(problems))
                        .accessDeniedHandler(ResourceServerSecurityConfiguration.forbidden(problems))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter())))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ResourceServerSecurityConfiguration.unauthenticated(problems))
                        .accessDeniedHandler(ResourceServerSecurityConfiguration.forbidden(problems)));
        GatewaySecurityProperties.Cors cors = properties.cors();
        if (cors.open()) {
            http.cors(spec -> spec.configurationSource(corsSource(cors)));
        } else {
            http.cors(ServerHttpSecurity.CorsSpec::disable);
        }
        return http.build();
    }

    private static ServerAuthenticationConverter bearerTokenOnProtectedPaths() {
        ServerWebExchangeMatcher protectedPaths = ServerWebExchangeMatchers.pathMatchers(PROTECTED_PATHS);
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        return exchange -> protectedPaths.matches(exchange)
                .flatMap(match -> match.isMatch() ? bearer.convert(exchange) : Mono.empty());
    }

    private static UrlBasedCorsConfigurationSource corsSource(GatewaySecurityProperties.Cors cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(cors.allowedMethods());
        configuration.setAllowedHeaders(cors.allowedHeaders());
        configuration.setExposedHeaders(cors.exposedHeaders());
        configuration.setMaxAge(cors.maxAge());
        // bearer tokens, not cookies: credentials mode stays off
        configuration.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        source.registerCorsConfiguration("/auth/**", configuration);
        return source;
    }

    static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = Optional.ofNullable(jwt.getClaimAsStringList(Caller.ROLES_CLAIM)).orElse(List.of());
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
