package com.rapport.notification.message;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The message bundles exactly as the service configures them ({@code spring.messages.*} in application.yml). */
public final class Bundles {

    private Bundles() {
    }

    public static ResourceBundleMessageSource asConfigured() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/notifications");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }
}
