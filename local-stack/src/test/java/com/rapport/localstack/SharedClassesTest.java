package com.rapport.localstack;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Class-data sharing on a real service jar (the gateway's, copied) and a real JVM. */
class SharedClassesTest {

    @TempDir
    Path dir;
    private Path jar;

    @BeforeEach
    void copyTheGatewaysJar() throws Exception {
        Path built = StackOptions.ephemeral(LocalStack.projectRoot()).jarOf("gateway");
        assumeTrue(Files.isRegularFile(built), "the gateway's jar is built in the package phase before these tests");
        jar = Files.copy(built, dir.resolve("gateway.jar"));
    }

    @Nested
    class TheExtractedJar {

        @Test
        void isTheApplicationsJarWithItsLibrariesBesideIt() throws Exception {
            SharedClasses shared = SharedClasses.of(jar);

            assertThat(shared.runnable()).isEqualTo(dir.resolve("cds/gateway/gateway.jar")).isRegularFile();
            try (var libraries = Files.list(dir.resolve("cds/gateway/lib"))) {
                assertThat(libraries.map(Path::getFileName).map(Path::toString))
                        .anyMatch(name -> name.startsWith("spring-cloud-gateway"));
            }
        }

        @Test
        void isExtractedOnceForTheSameJar() throws Exception {
            Path marker = SharedClasses.of(jar).runnable().resolveSibling("marker");
            Files.writeString(marker, "left by an earlier launch");

            SharedClasses.of(jar);

            assertThat(marker).exists();
        }

        @Test
        void isExtractedAgainWhenTheJarIsRebuilt() throws Exception {
            Path marker = SharedClasses.of(jar).runnable().resolveSibling("marker");
            Files.writeString(marker, "left by an earlier build");
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

            SharedClasses shared = SharedClasses.of(jar);

            assertThat(marker).doesNotExist();
            assertThat(shared.runnable()).isRegularFile();
        }
    }

    @Nested
    class TheArchive {

        @Test
        void isRecordedByAFirstLaunchIntoAFileOfItsOwn() {
            SharedClasses shared = SharedClasses.of(jar);
            Path one = shared.recording();
            Path other = shared.recording();

            assertThat(one).isNotEqualTo(other);
            assertThat(shared.options(one)).contains("-XX:ArchiveClassesAtExit=" + one);
        }

        @Test
        void recordedByARealJvmThatStoppedCleanlyIsWhatTheNextLaunchMaps() throws Exception {
            SharedClasses shared = SharedClasses.of(jar);
            Path recording = shared.recording();

            int exitCode = runTheJarsToolsWith(shared.options(recording), shared.runnable());
            shared.keep(recording, exitCode);

            Path archive = dir.resolve("cds/gateway/gateway.jsa");
            assertThat(archive).isRegularFile();
            assertThat(recording).doesNotExist();
            assertThat(shared.options(shared.recording())).contains("-XX:SharedArchiveFile=" + archive);
            // and a JVM started with it maps it: the JVM refuses to start if told to require it and it cannot
            assertThat(runTheJarsToolsWith(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"),
                    shared.runnable())).isZero();
        }

        @Test
        void isNotKeptFromALaunchKilledWithMinus9() throws Exception {
            SharedClasses shared = SharedClasses.of(jar);
            Path recording = shared.recording();
            Files.write(recording, new byte[]{1, 2, 3}); // half-written when the kill came

            shared.keep(recording, 137);

            assertThat(recording).doesNotExist();
            assertThat(dir.resolve("cds/gateway/gateway.jsa")).doesNotExist();
            assertThat(shared.options(shared.recording())).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
        }
    }

    /** A short JVM run on the extracted jar's class path: Netty's version report, from one of its libraries. */
    private static int runTheJarsToolsWith(List<String> options, Path runnable) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ChildProcess.javaExecutable()));
        command.addAll(options);
        command.addAll(List.of("-cp", runnable.toString(), "io.netty.util.Version"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
