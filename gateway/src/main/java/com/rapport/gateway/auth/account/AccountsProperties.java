package com.rapport.gateway.auth.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * {@code rapport.accounts.*}: invitations and password resets. {@code linkBaseUrl} is where people open the links
 * (the portal: {@code <base>/#/invitations/<token>}, {@code <base>/#/password-resets/<token>}; the token sits in the
 * fragment, which browsers never send to a server or in a Referer); how long each link works; the sender of the
 * emails. The mail server is Spring's {@code spring.mail.*}.
 */
@ConfigurationProperties("rapport.accounts")
public record AccountsProperties(URI linkBaseUrl, Duration invitationLifetime, Duration passwordResetLifetime,
                                 String mailFrom) {

    public String invitationLink(String token) {
        return base() + "/#/invitations/" + token;
    }

    public String passwordResetLink(String token) {
        return base() + "/#/password-resets/" + token;
    }

    private String base() {
        String base = linkBaseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
