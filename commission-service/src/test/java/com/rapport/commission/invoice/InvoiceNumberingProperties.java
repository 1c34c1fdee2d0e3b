package com.rapport.commission.invoice;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoice numbers under concurrent confirmations and retries, on a real Axon command bus (asynchronous, a pool of
 * workers) and event store: whatever the interleaving, a year's numbers are 1..n without a gap or a duplicate,
 * and every (batch, partner, currency) line has exactly one number, however often it was asked for.
 */
class InvoiceNumberingProperties {

    @Property(tries = 25)
    void numbersAreGaplessAndUniqueUnderConcurrentAllocations(
            @ForAll @IntRange(min = 1, max = 30) int lines,
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 29) Integer> retried,
            @ForAll @IntRange(min = 2, max = 8) int callers) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        ExecutorService submitters = Executors.newFixedThreadPool(callers);
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(InvoiceRegister.class)
                .configureCommandBus(c -> AsynchronousCommandBus.builder().executor(workers).build())
                .buildConfiguration();
        axon.start();
        try {
            CommandGateway gateway = axon.commandGateway();
            List<Integer> requests = new ArrayList<>(IntStream.range(0, lines).boxed().toList());
            retried.stream().filter(line -> line < lines).forEach(requests::add);
            Collections.shuffle(requests);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Map.Entry<Integer, String>>> answers = requests.stream()
                    .map(line -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        String number = gateway.sendAndWait(
                                InvoiceRegisterTest.issue("batch-" + (line % 3), "partner-" + line, false, null),
                                30, TimeUnit.SECONDS);
                        return Map.entry(line, number);
                    }, submitters))
                    .toList();
            start.countDown();
            Map<Integer, String> numberOfLine = new HashMap<>();
            for (CompletableFuture<Map.Entry<Integer, String>> answer : answers) {
                Map.Entry<Integer, String> result = answer.get(60, TimeUnit.SECONDS);
                String earlier = numberOfLine.putIfAbsent(result.getKey(), result.getValue());
                assertThat(earlier == null || earlier.equals(result.getValue()))
                        .as("line %d answered %s and %s", result.getKey(), earlier, result.getValue()).isTrue();
            }

            List<InvoiceIssued> issued = new ArrayList<>();
            axon.eventStore().readEvents(InvoiceRegister.idOf(2026))
                    .forEachRemaining(event -> issued.add((InvoiceIssued) event.getPayload()));
            assertThat(issued).extracting(InvoiceIssued::sequence)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, lines).mapToObj(Long::valueOf).toList());
            assertThat(issued).extracting(InvoiceIssued::invoiceNumber)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, lines)
                            .mapToObj(n -> "SB-2026-%06d".formatted(n)).toList());
            assertThat(new HashSet<>(numberOfLine.values())).hasSize(lines);
            assertThat(issued).allSatisfy(event -> assertThat(numberOfLine.get(
                    Integer.parseInt(event.partnerId().substring("partner-".length()))))
                    .isEqualTo(event.invoiceNumber()));
        } finally {
            axon.shutdown();
            submitters.shutdownNow();
            workers.shutdownNow();
        }
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
