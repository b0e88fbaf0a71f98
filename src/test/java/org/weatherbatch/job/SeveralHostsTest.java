package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.weatherbatch.fetch.RunStop;

/**
 * Hosts sharing one PostgreSQL job repository and one output folder: job processes with state
 * folders of their own, one run between them, whatever happens to the host that runs it, and
 * one rate limit for all that share a key.
 */
@ExtendWith(OutputCaptureExtension.class)
class SeveralHostsTest extends WeatherJobTestSupport {

    @RegisterExtension
    final PostgresDatabase postgres = new PostgresDatabase();

    private final List<String> zips = IntStream.range(0, 200).mapToObj(i -> String.format("%05d", 4000 + i))
            .toList();

    private static final int INPUT_SIZE = 400;

    /** Host A's run lasts several of its 1 s leases; host B, launched meanwhile, is refused at once. */
    @Test
    void aSecondHostIsRefusedWhileTheRunIsAliveHoweverLongItRuns(CapturedOutput output) throws Exception {
        apiAnswersIn(400); // 4 at a time: at least 20 s, until the API answers at once
        Process hostA = startChild(host("a", "--weather.lock.lease=1s"));
        awaitTrue(() -> jsonLineCount() >= 1, "host A to be fetching");
        Thread.sleep(2_500);

        assertThat(run(host("b", "--weather.lock.lease=1s"))).isEqualTo(ExitCodes.ALREADY_RUNNING);

        assertThat(output).contains("is already running in process " + hostA.pid() + "@");
        assertThat(run(host("b", "status"))).as("host B looks at host A's run").isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).containsPattern("Execution \\d+: .* STARTED since ")
                .contains("running in process " + hostA.pid() + "@", "step fetchWeather");
        assertThat(hostA.isAlive()).as("host A's run goes on").isTrue();
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(4).willReturn(okJson(weatherBody("Sharedtown"))));
        assertThat(hostA.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(hostA.exitValue()).isEqualTo(ExitCodes.COMPLETED);
        assertThat(readQuietly(work.resolve("child-0.log"))).doesNotContain("Lost the lease");
        assertThat(jsonZips()).containsExactlyElementsOf(zips);
        assertThat(requests()).isEqualTo(zips.size());
    }

    /** Host A is killed; its lease keeps the run from host B until it runs out, then B takes the run over. */
    @Test
    void aKilledHostsRunIsTakenOverByAnotherOnceItsLeaseHasRunOut(CapturedOutput output) throws Exception {
        apiAnswersIn(25);
        Process hostA = startChild(host("a", "--weather.lock.lease=5s", "--weather.chunk-size=8"));
        awaitTrue(() -> jsonLineCount() >= 40, "host A to commit some chunks");

        hostA.destroyForcibly().waitFor(); // SIGKILL: the host is gone, its lease is not released
        int writtenAtKill = jsonLineCount();
        int requestsAtKill = requests();
        assertThat(writtenAtKill).isLessThan(zips.size());
        try (RunLeases hostB = new RunLeases(new DriverManagerDataSource(postgres.url(), PostgresDatabase.USER,
                PostgresDatabase.PASSWORD), Duration.ofSeconds(5), false, new RunStop())) {
            assertThat(hostB.tryAcquire(input.toAbsolutePath().normalize() + " for " + DATE))
                    .as("A's lease still lasts").isEmpty();
        }
        awaitTrue(this::leaseRanOut, "A's lease to run out");

        assertThat(run(host("b", "--weather.lock.lease=5s", "--weather.chunk-size=8")))
                .isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("was left STARTED by a process that is gone (killed or crashed)");
        assertThat(jsonZips()).containsExactlyElementsOf(zips);
        assertThat(lines(".csv")).hasSize(1 + zips.size()).doesNotHaveDuplicates();
        // from A's last commit: at most the chunks in flight at the kill are fetched again
        assertThat(requests() - requestsAtKill).isLessThanOrEqualTo(zips.size() - writtenAtKill + 4 * 8);
    }

    /** Both hosts on one schedule: the tick's run runs once, on one host; the other waits for the next tick. */
    @Test
    void twoHostsOnTheSameScheduleRunEachNightOnce() throws Exception {
        // the run lasts until the other host has met it, however late that host's JVM comes up
        apiAnswersIn(1000);
        String[] schedule = {"--weather.schedule=*/2 * * * * *", "--weather.schedule-zone=UTC"};
        Process hostA = startChild(host("a", schedule));
        Process hostB = startChild(host("b", schedule));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Path logA = work.resolve("child-0.log");
        Path logB = work.resolve("child-1.log");

        awaitTrue(() -> (readQuietly(logA) + readQuietly(logB)).contains("is already running in process"),
                "one host to be refused the run the other is running");
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(4).willReturn(okJson(weatherBody("Sharedtown"))));
        awaitTrue(() -> Stream.of(logA, logB).allMatch(log -> readQuietly(log).contains("Nothing to do: the run of")),
                "each host to find the night's run done");
        hostA.destroy();
        hostB.destroy();
        assertThat(hostA.waitFor(15, TimeUnit.SECONDS) && hostB.waitFor(15, TimeUnit.SECONDS)).isTrue();

        assertThat(executions()).isEqualTo(1);
        assertThat(Files.readAllLines(work.resolve("output/zipcodes-" + today + ".jsonl")))
                .hasSize(zips.size()).doesNotHaveDuplicates();
        assertThat(requests()).isEqualTo(zips.size());
    }

    /**
     * One key, two hosts running two inputs at once: they keep within the key's plan together,
     * where each alone would go at the rate it was given, together twice that.
     */
    @Test
    void twoHostsRunningTwoInputsAtOnceKeepWithinTheKeysLimitTogether() throws Exception {
        int perSecond = 100;
        PlanRateLimit.enforce(5 * perSecond);
        holdTheFirstHostBackUntilTheOtherSends();
        // a fifth under the plan: the job's 3% headroom is sized for a plan's minute, and within a
        // second the first requests of a JVM just started bunch by more than that
        String limit = "--weather.api.requests-per-minute=" + perSecond * 60 * 4 / 5;
        Process hostA = startChild(host("a", input("a.csv", 10000), limit, "--weather.concurrency=8"));
        Process hostB = startChild(host("b", input("b.csv", 20000), limit, "--weather.concurrency=8"));

        assertThat(hostA.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)
                && hostB.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(List.of(hostA.exitValue(), hostB.exitValue())).as(() -> "the hosts' logs:\n"
                + readQuietly(work.resolve("child-0.log")) + readQuietly(work.resolve("child-1.log")))
                .containsOnly(ExitCodes.COMPLETED);

        assertThat(requestsOfOneDuringTheOther()).as("requests of one host while the other was sending")
                .isGreaterThan(perSecond);
        assertThat(PlanRateLimit.mostWithin(1, TimeUnit.SECONDS)).as("most requests in a second")
                .isLessThanOrEqualTo(perSecond);
        assertThat(PlanRateLimit.refused()).as("requests answered 429").isZero();
        assertThat(requests()).isEqualTo(2 * INPUT_SIZE);
        String bucket = "openweathermap:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(API_KEY.getBytes(StandardCharsets.UTF_8)));
        try (Connection db = postgres.connect(); ResultSet rows = db.createStatement().executeQuery(
                "SELECT id FROM weather_rate_limit")) {
            assertThat(rows.next() && rows.getString(1).equals(bucket) && !rows.next())
                    .as("one bucket, named by the provider and the key's SHA-256").isTrue();
        }
        assertThat(postgres.values()).noneMatch(value -> value.contains(API_KEY));
        assertThat(readQuietly(work.resolve("child-0.log")) + readQuietly(work.resolve("child-1.log")))
                .doesNotContain(API_KEY);
    }

    /** The option of an input of its own: INPUT_SIZE zipcodes from the first on. */
    private String input(String name, int first) throws IOException {
        return "--weather.input=" + Files.write(work.resolve(name), IntStream.range(first, first + INPUT_SIZE)
                .mapToObj(zip -> String.format("%05d", zip)).toList());
    }

    /**
     * Answers the requests of whichever host sends first a second late until the other's first
     * request comes, so that the two run at once however long each takes to start.
     */
    private static void holdTheFirstHostBackUntilTheOtherSends() {
        ResponseDefinitionBuilder late = okJson(weatherBody("Sharedtown")).withFixedDelay(1000);
        for (String[] hosts : new String[][] {{"1", "2"}, {"2", "1"}}) {
            String alone = "host " + hosts[0] + " alone";
            api.stubFor(fromHost(hosts[0]).inScenario("two hosts").whenScenarioStateIs(STARTED)
                    .willSetStateTo(alone).willReturn(late));
            api.stubFor(fromHost(hosts[0]).inScenario("two hosts").whenScenarioStateIs(alone).willReturn(late));
            api.stubFor(fromHost(hosts[1]).inScenario("two hosts").whenScenarioStateIs(alone)
                    .willSetStateTo("both").willReturn(okJson(weatherBody("Sharedtown"))));
        }
    }

    /** The requests of a host, by the first digit of its input's zipcodes. */
    private static MappingBuilder fromHost(String firstDigit) {
        return get(urlPathEqualTo(WEATHER_PATH)).withQueryParam("zip", matching(firstDigit + "\\d{4},us"))
                .atPriority(1);
    }

    /** The requests of host B (zipcodes 2xxxx) that came between host A's first and last. */
    private static long requestsOfOneDuringTheOther() {
        Map<Boolean, List<Long>> byHost = api.getAllServeEvents().stream().collect(Collectors.partitioningBy(
                event -> event.getRequest().queryParameter("zip").firstValue().startsWith("2"),
                Collectors.mapping(event -> event.getRequest().getLoggedDate().getTime(), Collectors.toList())));
        LongSummaryStatistics hostA = byHost.get(false).stream().mapToLong(Long::longValue).summaryStatistics();
        return byHost.get(true).stream().filter(at -> at > hostA.getMin() && at < hostA.getMax()).count();
    }

    private void apiAnswersIn(int millis) throws Exception {
        writeInput(zips.toArray(String[]::new));
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(5)
                .willReturn(okJson(weatherBody("Sharedtown")).withFixedDelay(millis)));
    }

    /** The options of a host: the shared job repository, a state folder of its own. */
    private String[] host(String name, String... options) {
        return Stream.of(postgres.options(), new String[] {"--weather.state-dir=" + work.resolve("state-" + name)},
                options).flatMap(Stream::of).toArray(String[]::new);
    }

    private boolean leaseRanOut() {
        try (Connection db = postgres.connect(); ResultSet rows = db.createStatement().executeQuery(
                "SELECT bool_and(lock_until <= timezone('utc', now())) FROM weather_run_lease")) {
            return rows.next() && rows.getBoolean(1);
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int executions() throws SQLException {
        try (Connection db = postgres.connect();
                ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM batch_job_execution")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
