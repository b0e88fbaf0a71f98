package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.weatherbatch.fetch.RunStop;

/** The job on a real PostgreSQL job repository, from an empty database on. */
@ExtendWith(OutputCaptureExtension.class)
class PostgresJobTest extends WeatherJobTestSupport {

    @RegisterExtension
    final PostgresDatabase postgres = new PostgresDatabase();

    private static final List<String> ZIPS = IntStream.rangeClosed(1, 20)
            .mapToObj(i -> String.format("%05d", 1000 + i)).toList();

    @Test
    void onAnEmptyDatabaseTheSchemaIsMadeAndAFailedRunRestartsToCompletionExactlyOnce(CapturedOutput output)
            throws Exception {
        writeInput(ZIPS.toArray(String[]::new));
        ZIPS.subList(14, ZIPS.size()).forEach(zip -> stubZip(zip, aResponse().withStatus(503)));
        String[] options = options("--weather.partitions=1", "--weather.chunk-size=4", "--weather.concurrency=2",
                "--weather.api.max-attempts=2", "--weather.api.failure-threshold=3");

        assertThat(run(options)).isEqualTo(ExitCodes.FAILED);

        assertThat(postgres.tables()).contains("batch_job_execution", "batch_step_execution_context", "weather_output_name",
                "weather_run_lease", "weather_staged_zipcode_1");
        assertThat(committedJsonZips()).containsExactlyElementsOf(ZIPS.subList(0, 14));
        assertThat(work.resolve("state")).as("no state folder with PostgreSQL").doesNotExist();
        api.resetAll();
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).willReturn(okJson(weatherBody("Testville"))));

        assertThat(run(options)).as("the schema found in place").isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Restarting the FAILED run of " + input.toAbsolutePath());
        assertThat(jsonZips()).containsExactlyElementsOf(ZIPS);
        assertThat(lines(".csv")).hasSize(1 + ZIPS.size()).doesNotHaveDuplicates();
        ZIPS.subList(0, 14).forEach(zip -> assertThat(requestsFor(zip)).as(zip).isZero());
        assertThat(postgres.tables()).doesNotContain("weather_staged_zipcode_1");
        assertThat(run(options("history"))).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).containsPattern("\\s+2\\s+" + DATE + "\\s+COMPLETED\\s");
        assertThat(output.getAll()).doesNotContain(PostgresDatabase.PASSWORD);
        assertThat(outputFiles()).allSatisfy(file -> assertThat(Files.readString(file))
                .doesNotContain(PostgresDatabase.PASSWORD));
        assertThat(postgres.values()).isNotEmpty().noneMatch(text -> text.contains(PostgresDatabase.PASSWORD));
    }

    @Test
    void aNightsFailuresAreRetriedIntoItsFiles(CapturedOutput output) throws Exception {
        writeInput(ZIPS.toArray(String[]::new));
        ZIPS.subList(5, 8).forEach(zip -> stubZip(zip, aResponse().withStatus(503)));
        assertThat(run(options("--weather.api.max-attempts=1", "--weather.max-failure-ratio=1")))
                .isEqualTo(ExitCodes.COMPLETED);
        api.resetAll();
        answerEveryZipcode();

        assertThat(run(options("retry-failures", "1"))).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("the night's files now: fetched 20, failed 0");
        assertThat(jsonZips()).hasSize(ZIPS.size()).containsExactlyInAnyOrderElementsOf(ZIPS);
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail");
        assertThat(requests()).isEqualTo(3);
        assertThat(postgres.tables()).noneMatch(table -> table.startsWith("weather_staged_zipcode"));
    }

    @Test
    void aWrongPasswordStopsTheStartWithoutShowingIt(CapturedOutput output) throws Exception {
        writeInput(ZIPS.toArray(String[]::new));
        String wrong = "wrong-pw-that-must-never-leak-42";

        assertThat(run(options("--spring.datasource.password=" + wrong))).isEqualTo(ExitCodes.NOT_STARTED);

        assertThat(output).contains("password authentication failed for user \"" + PostgresDatabase.USER + "\"");
        assertThat(output.getAll()).doesNotContain(wrong).doesNotContain(PostgresDatabase.PASSWORD);
        assertThat(requests()).isZero();
    }

    @Test
    void aRunWhoseLeaseAnotherHostHoldsIsNotStartedTwice(CapturedOutput output) throws Exception {
        writeInput(ZIPS.toArray(String[]::new));
        assertThat(run(options("history"))).as("makes the schema").isEqualTo(ExitCodes.COMPLETED);
        String run = input.toAbsolutePath().normalize() + " for " + DATE;
        try (RunLeases otherHost = new RunLeases(new DriverManagerDataSource(postgres.url(), PostgresDatabase.USER,
                PostgresDatabase.PASSWORD), Duration.ofMinutes(2), false, new RunStop());
                RunLease held = otherHost.tryAcquire(run).orElseThrow()) {

            assertThat(run(options())).isEqualTo(ExitCodes.ALREADY_RUNNING);
        }
        assertThat(output).contains("The run of " + run + " is already running in process "
                + ProcessHandle.current().pid() + "@");
        assertThat(requests()).isZero();

        assertThat(run(options())).as("once released").isEqualTo(ExitCodes.COMPLETED);
    }

    /** The test's options with the PostgreSQL job repository's. */
    private String[] options(String... options) {
        return Stream.concat(Stream.of(postgres.options()), Stream.of(options)).toArray(String[]::new);
    }

    private List<Path> outputFiles() throws IOException {
        try (Stream<Path> files = Files.walk(work.resolve("output"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
