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
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed here (CI installs it)");
        LocalStack stack = RunningStack.get();
        Path frontend = stack.options().projectRoot().resolve("gateway/src/main/frontend");
        assumeTrue(Files.isDirectory(frontend.resolve("node_modules")), "the portal was not built (no npm here)");
        Path screenshots = stack.options().projectRoot().resolve("local-stack/target/portal-screenshots");
        Files.createDirectories(screenshots);
        Path log = screenshots.resolve("journey.log");

        ProcessBuilder journey = new ProcessBuilder("node", "e2e/portal-journey.mjs")
                .directory(frontend.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        journey.environment().put("PORTAL_URL", stack.gatewayUrl());
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
            assertThat(files.filter(f -> f.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(5);
        }
    }
}
