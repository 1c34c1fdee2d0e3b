package com.rapport.testsupport;

import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape of {@code /actuator/prometheus} (text exposition format), read back by series for assertions. */
public final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = samples;
    }

    /** Scrapes a service's {@code /actuator/prometheus} through its test client. */
    public static PrometheusScrape from(WebTestClient service) {
        // a full scrape is larger than the services' 64 KiB codec limit, which the test client shares
        return of(service.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 << 20))
                .build().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    public static PrometheusScrape of(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (sample.find()) {
                Map<String, String> labels = new LinkedHashMap<>();
                if (sample.group(3) != null) {
                    Matcher label = LABEL.matcher(sample.group(3));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
                samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
            }
        }
        return new PrometheusScrape(samples);
    }

    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /** The samples of {@code name} whose labels include every one of {@code labels}. */
    public List<Sample> series(String name, Map<String, String> labels) {
        return samples.stream().filter(sample -> sample.name().equals(name)
                && sample.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The largest value among those samples, or NaN when there is none. */
    public double max(String name, Map<String, String> labels) {
        return series(name, labels).stream().mapToDouble(Sample::value).filter(value -> !Double.isNaN(value))
                .max().orElse(Double.NaN);
    }

    public double sum(String name, Map<String, String> labels) {
        return series(name, labels).stream().mapToDouble(Sample::value).filter(value -> !Double.isNaN(value)).sum();
    }
}
