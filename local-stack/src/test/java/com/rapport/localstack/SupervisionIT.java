package com.rapport.localstack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10 #13 and #14 on the running stack: a process killed with {@code kill -9} from outside is started again by
 * the stack, healthy, and what was acknowledged before the kill is still there.
 */
class SupervisionIT {

    private final Journeys journeys = new Journeys();
    private final Api api = journeys.api;
    private final LocalStack stack = journeys.stack;

    @Test
    void aServiceKilledWithMinus9ComesBackHealthyOnItsOwn() throws Exception {
        Journeys.Partner partner = journeys.partner("supervised");
        String referral = journeys.submit(partner, "Supervised " + journeys.run);
        long pid = stack.pidOf("referral-service");
        int restarts = stack.restartsOf("referral-service");

        kill9(pid);

        // nobody but the stack starts it again
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                stack.restartsOf("referral-service") == restarts + 1
                        && api.get("/api/referrals/" + referral, partner.token()).status() == 200);
        assertThat(stack.pidOf("referral-service")).isNotEqualTo(pid);
        assertThat(stack.notReady()).isEmpty();
        assertThat(journeys.submit(partner, "Supervised again " + journeys.run)).isNotBlank();
    }

    @Test
    void theDatabaseKilledWithMinus9ComesBackWithEveryAcknowledgedWrite() throws Exception {
        Journeys.Partner partner = journeys.partner("db-crash");
        String referral = journeys.submit(partner, "Database Crash " + journeys.run);
        long pid = stack.pidOf("database");

        kill9(pid); // right after the 201s: the referral's events, the user and the partner were acknowledged

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                stack.pidOf("database") != pid
                        && api.get("/api/referrals/" + referral, partner.token()).status() == 200);
        assertThat(api.get("/api/referrals/" + referral, partner.token()).json().path("referralId").asText())
                .isEqualTo(referral);
        assertThat(api.get("/api/partners/" + partner.id(), journeys.ops).status()).isEqualTo(200);
        assertThat(stack.notReady()).isEmpty();
        // and the services carry on writing
        assertThat(journeys.submit(partner, "After Database Crash " + journeys.run)).isNotBlank();
    }

    @Test
    void aServiceStoppedCleanlyStartsAgainOnTheClassesItsLastRunRecorded() throws Exception {
        stack.restartAfter("notification-service", () -> { });

        List<String> arguments = ProcessHandle.of(stack.pidOf("notification-service")).orElseThrow()
                .info().arguments().map(List::of).orElseThrow();
        assertThat(arguments).anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile=")
                && argument.endsWith("notification-service.jsa"));
        Journeys.Partner partner = journeys.partner("cds");
        assertThat(api.get("/api/notifications?size=1", partner.token()).status()).isEqualTo(200);
        assertThat(stack.notReady()).isEmpty();
    }

    private static void kill9(long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor()).isZero();
    }
}
