package com.rapport.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names the Grafana dashboards in {@code ops/grafana/dashboards} query, and which service's scrape shows
 * each. Two tests hold them together: test-support's own checks that every name a dashboard uses is listed in
 * {@link #SERVED}, and each service's metrics test checks that its real scrape shows every name listed for it.
 */
public final class DashboardMetrics {

    /** What Prometheus adds itself, never on a scrape. */
    public static final Set<String> FROM_PROMETHEUS = Set.of("up");

    /** Names the dashboards rely on, by the service whose scrape a test reads them on. */
    public static final Map<String, Set<String>> SERVED = Map.of(
            "commission-service", Set.of(
                    "http_server_requests_seconds_count", "http_server_requests_seconds_sum",
                    "jvm_memory_used_bytes",
                    "rapport_processor_lag",
                    "kafka_consumer_fetch_manager_records_lag", "kafka_consumer_fetch_manager_records_lag_max",
                    "kafka_producer_record_send_total",
                    "rapport_event_freshness_seconds_count", "rapport_event_freshness_seconds_sum",
                    "rapport_event_freshness_seconds_max",
                    "rapport_consumer_dead_letters_total", "rapport_consumer_retries_total",
                    "rapport_payout_batches_total", "rapport_invoices_issued_total"),
            "notification-service", Set.of(
                    "rapport_delivery_queue_depth", "rapport_deliveries_total",
                    "kafka_consumer_fetch_manager_records_lag_max", "rapport_event_freshness_seconds_count"),
            "referral-service", Set.of(
                    "rapport_processor_lag", "http_server_requests_seconds_count"));

    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "irate",
            "increase", "histogram_quantile", "by", "without", "on", "ignoring", "bool", "and", "or", "unless",
            "offset", "topk", "bottomk", "clamp_min", "clamp_max", "abs", "delta", "deriv", "time", "vector",
            "scalar", "label_replace", "sort", "sort_desc", "max_over_time", "min_over_time", "avg_over_time",
            "group_left", "group_right", "e", "inf", "nan");

    private DashboardMetrics() {
    }

    /** Every metric name the dashboards' queries use. */
    public static Set<String> used() {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions()) {
            names.addAll(metricNamesIn(expression));
        }
        return names;
    }

    static Set<String> metricNamesIn(String expression) {
        String bare = QUOTED.matcher(expression).replaceAll("\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\w+", " ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(bare);
        while (name.find()) {
            String token = name.group();
            boolean function = bare.substring(name.end()).stripLeading().startsWith("(");
            if (!function && !PROMQL.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }

    public static List<String> expressions() {
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.list(dashboards())) {
            List<String> expressions = new java.util.ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                mapper.readTree(file.toFile()).findValues("expr").stream()
                        .map(JsonNode::asText).forEach(expressions::add);
            }
            return expressions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ops/grafana/dashboards, found from the working directory of a module's test run upwards. */
    public static Path dashboards() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("ops/grafana/dashboards");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("ops/grafana/dashboards not found above " + Path.of("").toAbsolutePath());
    }
}
