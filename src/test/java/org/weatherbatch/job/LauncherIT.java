package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/weather-batch on the packaged jar (mvn verify), installed as the README says: the
 * launcher in bin/, the jar and its application.yml beside bin/, launched from elsewhere.
 */
class LauncherIT {

    private static final String RECORDING = "weather-batch: recording the class-data archive";

    @TempDir
    Path home;

    @TempDir
    Path elsewhere;

    private Path archive;

    @BeforeEach
    void install() throws IOException {
        Path launcher = home.resolve("bin/weather-batch");
        Files.createDirectories(launcher.getParent());
        Files.copy(Path.of("bin/weather-batch"), launcher);
        launcher.toFile().setExecutable(true);
        Files.copy(Path.of("target/weather-batch.jar"), home.resolve("weather-batch.jar"));
        Files.writeString(home.resolve("zipcodes-beside-the-jar.csv"), "02134\nabc\n");
        Files.writeString(home.resolve("application.yml"),
                "weather:\n  input: " + home.resolve("zipcodes-beside-the-jar.csv") + "\n");
        archive = home.resolve("app/weather-batch.jsa");
    }

    @Test
    void recordsItsArchiveWhenMissingOrOlderThanTheJarAndPassesArgumentsAndExitCodesThrough() throws Exception {
        Launch first = launch(Map.of(), "validate", "--weather.state-dir=" + elsewhere.resolve("state"));

        assertThat(first.output()).startsWith(RECORDING)
                .as("the application.yml beside the jar, launched from elsewhere")
                .contains("line 2: not a zipcode: abc").contains("zipcodes-beside-the-jar.csv: 1 zipcodes to fetch");
        assertThat(first.exitCode()).as("validate's, through the launcher").isEqualTo(ExitCodes.FAILED);
        assertThat(archive).isNotEmptyFile();

        Launch again = launch(Map.of("JAVA_OPTS", "-Xshare:on"), "--version");
        assertThat(again.output()).as("the archive is used (-Xshare:on fails without it)")
                .doesNotContain(RECORDING).startsWith("weather-batch 0.");
        assertThat(again.exitCode()).isZero();

        Launch unknown = launch(Map.of(), "--weather.concurency=8");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(unknown.output()).doesNotContain(RECORDING).contains("did you mean weather.concurrency?")
                .as("no line of Spring's own on the failed start (the ahead-of-time context is another class)")
                .doesNotContain("Exception encountered during context initialization");

        FileTime before = Files.getLastModifiedTime(archive);
        Files.setLastModifiedTime(home.resolve("weather-batch.jar"), FileTime.from(Instant.now().plusSeconds(5)));
        Launch rebuilt = launch(Map.of("JAVA_OPTS", "-Xshare:on"), "--version");
        assertThat(rebuilt.output()).as("a newer jar").startsWith(RECORDING);
        assertThat(rebuilt.exitCode()).isZero();
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(before);
    }

    record Launch(int exitCode, String output) {
    }

    private Launch launch(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/weather-batch").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Launch(process.exitValue(), output);
    }
}
