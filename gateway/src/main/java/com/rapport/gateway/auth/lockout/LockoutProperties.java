package com.rapport.gateway.auth.lockout;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code rapport.security.login-lockout.*}: {@code maxFailures} wrong passwords for one username within
 * {@code failureWindow} lock that username for {@code lockDuration}.
 */
@ConfigurationProperties("rapport.security.login-lockout")
public record LockoutProperties(int maxFailures, Duration failureWindow, Duration lockDuration) {
}
