package com.rapport.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 6's browser journey: Playwright drives Debian's Chromium through the partner portal of the running stack
 * (gateway/src/main/frontend/e2e/portal-journey.mjs). Screenshots of every page land in
 * {@code local-stack/target/portal-screenshots}. CI installs Chromium (.ci/run).
 */
class PortalBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void aPartnerAndOpsUseThePortalInARealBrowser() throws IOException, InterruptedException {
        runJourney("portal-journey", "portal-screenshots", 5);
    }

    /**
     * Issue 14's proof: ops invites a partner, who sets a password from the mailed link, fills in payout and tax
     * details, accepts self-billing and refers a client; ops contracts it with a schedule and records a payment;
     * finance A proposes and finance B approves an adjustment, A creates and B confirms a payout batch; the partner
     * downloads the invoice, sees the forecast and resets a forgotten password. Screenshots in
     * {@code local-stack/target/back-office-screenshots} (English, finance in Chinese and at phone width).
     */
    @Test
    void financeOperationsAndAPartnerRunTheBackOfficeInARealBrowser() throws IOException, InterruptedException {
        runJourney("back-office-journey", "back-office-screenshots", 30);
    }

    private static void runJourney(String script, String directory, int screenshotsAtLeast)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed here (CI installs it)");
        LocalStack stack = RunningStack.get();
        Path frontend = stack.options().projectRoot().resolve("gateway/src/main/frontend");
        assumeTrue(Files.isDirectory(frontend.resolve("node_modules")), "the portal was not built (no npm here)");
        Path screenshots = stack.options().projectRoot().resolve("local-stack/target/" + directory);
        Files.createDirectories(screenshots);
        Path log = screenshots.resolve("journey.log");

        ProcessBuilder journey = new ProcessBuilder("node", "e2e/" + script + ".mjs")
                .directory(frontend.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        journey.environment().put("PORTAL_URL", stack.gatewayUrl());
        journey.environment().put("MAIL_VIEW_URL", "http://127.0.0.1:" + stack.options().mailViewPort());
        journey.environment().put("SCREENSHOT_DIR", screenshots.toString());
        journey.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = journey.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("journey finished in time:\n" + output).isTrue();
        assertThat(process.exitValue()).as("journey exit code; its output:\n" + output).isZero();
        try (var files = Files.list(screenshots)) {
            assertThat(files.filter(f -> f.toString().endsWith(".png")).count())
                    .isGreaterThanOrEqualTo(screenshotsAtLeast);
        }
    }
}
