package com.rapport.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * {@code rapport.services.*}: where the services listen. The routes of application.yml point at these; the
 * gateway also asks the referral-service whether a partner exists before giving it a login.
 */
@ConfigurationProperties("rapport.services")
public record ServicesProperties(URI referralUri, URI commissionUri, URI notificationUri) {
}
