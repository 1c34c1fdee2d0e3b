package com.rapport.notification.preference;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The preferences projection runs in the command's unit of work and lets its failures fail the command. */
@Configuration(proxyBeanMethods = false)
class PreferencesAxonConfiguration {

    @Bean
    ConfigurerModule preferencesProjectionPropagatesErrors() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                PreferencesProjection.GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
