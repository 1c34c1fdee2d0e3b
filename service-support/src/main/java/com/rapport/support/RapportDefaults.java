package com.rapport.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Adds {@code rapport-service-defaults.yml} as the lowest-precedence property source of every service, so that the
 * settings they all share (Jackson for Axon, Axon Server off, Kafka serializers, the 64 KiB body limit...) are
 * written once; a service's own application.yml and the environment override any of them.
 */
public class RapportDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "rapport-service-defaults.yml";

    /** Axon's update checker calls home on start; a service of ours talks only to its own infrastructure. */
    static final String AXON_UPDATE_CHECK = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Axon reads this as a JVM system property, not from the Spring environment
        System.getProperties().putIfAbsent(AXON_UPDATE_CHECK, "true");
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load("rapport-service-defaults", new ClassPathResource(RESOURCE));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
