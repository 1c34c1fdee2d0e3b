package com.rapport.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tells partners what happened to their referrals and commissions, in their language, on the channels they chose. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationServiceApplication {

    /** Axon's update checker calls home on start; a service of ours talks only to its own infrastructure. */
    static final String AXON_UPDATE_CHECK = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        System.getProperties().putIfAbsent(AXON_UPDATE_CHECK, "true");
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
