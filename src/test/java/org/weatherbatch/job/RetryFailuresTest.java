package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Fault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.weatherbatch.report.ReportFiles;

import tools.jackson.databind.JsonNode;

/**
 * retry-failures, end to end: the zipcodes of a completed night that failed for a passing
 * reason are fetched again and merged into the night's own files, exactly once, whatever
 * fails on the way.
 */
@ExtendWith(OutputCaptureExtension.class)
class RetryFailuresTest extends WeatherJobTestSupport {

    /** Forty zipcodes; the API is down for ten of them during the night (an outage mid-run). */
    private static final List<String> ZIPS = IntStream.rangeClosed(1, 40)
            .mapToObj(i -> String.format("%05d", 1000 + i)).toList();

    private static final List<String> OUTAGE = ZIPS.subList(20, 30);

    /** Input lines: a bad one (this), the forty, an unknown zipcode, one the API rejects. */
    private static final String INVALID = "\"Main St, \"\"Apt\"\" 5\",02134";

    /** One partition at a time, chunks of two, two attempts; an outage fails zipcodes, not the night. */
    private static final String[] OPTIONS = { "--weather.partitions=1", "--weather.chunk-size=2",
            "--weather.concurrency=1", "--weather.api.max-attempts=2", "--weather.api.failure-threshold=100" };

    RetryFailuresTest() {
        judgeNights = true;
    }

    @Test
    void afterAnOutageMidRunTheNightsFilesEndWithEveryZipcodeExactlyOnce(CapturedOutput output) throws Exception {
        String invalidBefore = aNightWithAnOutage();

        assertThat(run(with("retry-failures", "1"))).as("the night is good now").isEqualTo(ExitCodes.COMPLETED);

        assertWholeNight(invalidBefore);
        OUTAGE.forEach(zip -> assertThat(requestsFor(zip)).as(zip).isEqualTo(1));
        assertThat(requests()).as("only the outage's zipcodes asked again, not 99999 nor 60601")
                .isEqualTo(OUTAGE.size());
        assertThat(output).contains("Fetching again the zipcodes of the run of " + input.toAbsolutePath() + " for "
                + DATE + " that failed for a passing reason (connection-error 1, server-error 8, timeout 1)")
                .contains("the night's failures: 10 fetched again (connection-error 1, server-error 8, timeout 1), "
                        + "3 kept as they were (invalid-line 1, not-found 1, rejected 1)")
                .contains("the night's files now: fetched 40, failed 2 (not-found 1, rejected 1)");
        assertThat(stagingTables()).isEmpty();
        assertThat(parts(".jsonl")).isEmpty();

        assertThat(run()).as("the night's verdict is the retry's now").isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).contains("Nothing to do: the run of");
        assertThat(run(with("retry-failures", "1"))).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).contains("Nothing to retry: none of the failures of the run of " + input.toAbsolutePath()
                + " for " + DATE + " (execution 1) is worth fetching again (invalid-line 1, not-found 1, rejected 1).");
        assertThat(requests()).isEqualTo(OUTAGE.size());
    }

    @Test
    void historyAndShowTellTheRetryAsARunOfItsOwnAndTheNightWithItsFilesAsTheyAreNow(CapturedOutput output)
            throws Exception {
        aNightWithAnOutage();
        assertThat(ReportFiles.data(output("-report.html")).path("verdict").path("next").asString())
                .as("the night's report says what to do").endsWith(" retry-failures 1");
        assertThat(run(with("retry-failures", "1"))).isEqualTo(ExitCodes.COMPLETED);
        int before = output.getOut().length();

        assertThat(run("history")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run("show", "1")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run("show", "2")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run("report", "2")).isEqualTo(ExitCodes.COMPLETED);

        String printed = output.getOut().substring(before);
        assertThat(printed).containsPattern("\\s+2\\s+" + DATE + "\\s+COMPLETED\\s+13\\s+10\\s+0\\s+.*zipcodes.csv "
                + "\\(retry-failures of execution 1\\)")
                .containsPattern("\\s+1\\s+" + DATE + "\\s+COMPLETED\\s+43\\s+40\\s+2\\s+.*zipcodes.csv\\n")
                .contains("fetched:  40, failed: 2 (not-found 1, rejected 1)")
                .contains("retries of its failures (merged into its files once completed): [2]")
                .contains("Execution 2: " + input.toAbsolutePath() + " for " + DATE + " (retry-failures of execution 1)");
        assertThat(output).contains("Report of execution 2: " + output("-report.html"));
        JsonNode report = ReportFiles.data(output("-report.html"));
        assertThat(report.path("verdict").path("executionId").asLong()).as("the night's report").isEqualTo(1);
        assertThat(report.path("verdict").path("fetched").asLong()).as("as its files are now").isEqualTo(40);
        assertThat(report.path("verdict").path("failed").asLong()).isEqualTo(2);
        assertThat(report.path("verdict").path("next").isNull()).as("nothing left worth retrying").isTrue();
        assertThat(report.path("map").path("zips").asString()).as("a retried zipcode on the map").contains("01026");
    }

    @Test
    void aRetryThatFailsMidwayIsRerunToCompletionWithExactlyOneCopyOfEachLine(CapturedOutput output)
            throws Exception {
        String invalidBefore = aNightWithAnOutage();
        // down again from the retry's third chunk of its second range on (lines 22-26, 27-31; chunks of 2)
        OUTAGE.subList(8, 10).forEach(zip -> stubZip(zip, aResponse().withStatus(503)));

        assertThat(run(with("retry-failures", "1", "--weather.api.failure-threshold=1"))).isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("The API seems down");
        assertThat(jsonZips()).as("the night's files untouched").doesNotContainAnyElementsOf(OUTAGE);
        List<String> committed = retryCommitted();
        assertThat(committed).as("the retry's chunks before the API went down").isNotEmpty();
        api.resetAll();
        answerEveryZipcode();

        assertThat(run(with("retry-failures", "1"))).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Restarting the FAILED retry-failures 1 of execution 1 (the run of "
                + input.toAbsolutePath() + " for " + DATE + ") from its last commit.");
        assertWholeNight(invalidBefore);
        OUTAGE.forEach(zip -> assertThat(requestsFor(zip)).as(zip).isEqualTo(committed.contains(zip) ? 0 : 1));
    }

    /**
     * A folder takes the failures file's place while the retry fetches: its merge renames the
     * JSON lines and the CSV over the night's, then fails. Restarted, it renames only the rest.
     */
    @Test
    void aRetryThatFailsBetweenTheRenamesOfItsMergeEndsWithExactlyOneCopyOfEachLine(CapturedOutput output)
            throws Exception {
        String invalidBefore = aNightWithAnOutage();
        String failuresBefore = Files.readString(output("-failures.csv"));
        String held = OUTAGE.get(9);
        stubZip(held, okJson(weatherBody("Testville")).withFixedDelay(1_500));
        Path inTheWay = output("-failures.csv").resolve("a folder");
        CompletableFuture<Integer> retry = CompletableFuture.supplyAsync(() -> run(with("retry-failures", "1")));
        awaitTrue(() -> requestsFor(held) > 0, "the retry to fetch " + held);
        Files.delete(output("-failures.csv"));
        Files.createDirectories(inTheWay);

        assertThat(retry.get()).isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("Cannot write " + output("-failures.csv"));
        assertThat(jsonZips()).as("renamed before the failure").containsAll(OUTAGE);
        assertThat(run("abandon", "2")).as("half-merged: to be finished, not abandoned").isEqualTo(ExitCodes.FAILED);
        assertThat(output).contains("is renaming its merge over the night's files: abandoned, it would leave them "
                + "half-merged. Finish it with retry-failures 1.");
        Files.delete(inTheWay);
        Files.delete(output("-failures.csv"));
        int requestsBefore = requests();

        assertThat(run(with("restart", "2"))).as("a retry's execution restarts as its retry").isEqualTo(
                ExitCodes.COMPLETED);

        assertWholeNight(invalidBefore);
        assertThat(requests()).as("fetched once, merged on the rerun").isEqualTo(requestsBefore);
        assertThat(failuresBefore).as("the night's failures file had them all").contains(held);
    }

    @Test
    void onlyACompletedNightIsRetriedAndTheCommandSaysWhy(CapturedOutput output) throws Exception {
        failTheNightOnARefusedKey();

        assertThat(run("retry-failures", "1")).isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("Not retrying the failures of execution 1 (the run of " + input.toAbsolutePath()
                + " for " + DATE + "): it is FAILED, and retry-failures retries a completed night; finish it first: "
                + "restart 1");
        assertThat(requests()).isZero();
        assertThat(run("retry-failures", "7")).isEqualTo(ExitCodes.FAILED);
        assertThat(output).contains("No execution 7 in the job repository");
        assertThat(run("retry-failures")).isEqualTo(ExitCodes.NOT_STARTED);
    }

    @Test
    void aNightIsRetriedInTheUnitsItWasFetchedIn(CapturedOutput output) throws Exception {
        writeInput("02134", "10001");
        stubZip("10001", aResponse().withStatus(503));
        assertThat(run("--weather.units=metric", "--weather.max-failure-ratio=1")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(run("retry-failures", "1")).isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("the night was fetched in metric units and this launch asks for imperial: "
                + "give --weather.units=metric so that its files keep one unit");
        api.resetAll();
        answerEveryZipcode();
        assertThat(run("retry-failures", "1", "--weather.units=metric")).isEqualTo(ExitCodes.COMPLETED);
    }

    @Test
    void aRetryKeepsWithinTheRateLimit() throws Exception {
        int perSecond = 100;
        List<String> zips = IntStream.range(0, 300).mapToObj(i -> String.format("%05d", 10000 + i)).toList();
        writeInput(zips.toArray(String[]::new));
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(5).willReturn(aResponse().withStatus(503)));
        zips.subList(0, 50).forEach(zip -> stubZip(zip, okJson(weatherBody("Testville"))));
        assertThat(run("--weather.api.max-attempts=1", "--weather.api.failure-threshold=1000"))
                .isEqualTo(ExitCodes.POOR);
        api.resetAll();
        answerEveryZipcode();
        PlanRateLimit.enforce(5 * perSecond);

        assertThat(run("retry-failures", "1", "--weather.concurrency=16",
                "--weather.api.requests-per-minute=" + perSecond * 60)).isEqualTo(ExitCodes.COMPLETED);

        assertThat(PlanRateLimit.refused()).as("requests answered 429").isZero();
        assertThat(PlanRateLimit.mostWithin(500, TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(80);
        assertThat(jsonZips()).hasSize(300).doesNotHaveDuplicates();
    }

    /**
     * A completed night, poor: line 1 is not a zipcode, 99999 is unknown, 60601 is rejected, and
     * the API fails the ten zipcodes of the outage (a timeout, a reset, 503s); then it is back.
     * Returns the failures file's line of the invalid line, as the night wrote it.
     */
    private String aNightWithAnOutage() throws Exception {
        writeInput(Stream.of(List.of(INVALID), ZIPS, List.of("99999", "60601")).flatMap(List::stream)
                .toArray(String[]::new));
        OUTAGE.forEach(zip -> stubZip(zip, aResponse().withStatus(503)));
        stubZip(OUTAGE.get(0), aResponse().withFixedDelay(1_000).withBody("{}"));
        stubZip(OUTAGE.get(1), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        stubZip("99999", notFound());
        stubZip("60601", aResponse().withStatus(400).withBody("{\"cod\":\"400\",\"message\":\"wrong zip\"}"));

        assertThat(run(with("--weather.api.read-timeout=300ms"))).isEqualTo(ExitCodes.POOR);

        assertThat(lines("-failures.csv")).hasSize(1 + 3 + OUTAGE.size());
        api.resetAll();
        answerEveryZipcode();
        stubZip("99999", notFound());
        stubZip("60601", aResponse().withStatus(400).withBody("{\"cod\":\"400\",\"message\":\"wrong zip\"}"));
        return lines("-failures.csv").get(1);
    }

    /** Every zipcode of the input fetched exactly once; the failures file is what still fails. */
    private void assertWholeNight(String invalidBefore) throws Exception {
        assertThat(jsonZips()).as("the night's, then the retried ones").containsExactlyElementsOf(
                Stream.concat(Stream.concat(ZIPS.subList(0, 20).stream(), ZIPS.subList(30, 40).stream()),
                        OUTAGE.stream()).toList());
        assertThat(lines(".csv")).hasSize(1 + ZIPS.size()).doesNotHaveDuplicates();
        assertThat(lines(".csv").get(0)).startsWith("zip,city,");
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail", invalidBefore,
                "99999,42,not-found,HTTP 404: city not found", "60601,43,rejected,HTTP 400: wrong zip");
        assertThat(invalidBefore).as("quoted in the failures file").startsWith("\"\"\"Main St, \"\"\"\"Apt");
    }

    /** The zipcodes a retry's commits have written to its part files. */
    private List<String> retryCommitted() throws Exception {
        List<String> zips = new ArrayList<>();
        for (Path part : parts(".jsonl")) {
            Files.readAllLines(part).forEach(line -> zips.add(JSON.readTree(line).path("zip").asString()));
        }
        return zips;
    }

    private static String[] with(String... options) {
        return Stream.concat(Stream.of(OPTIONS), Stream.of(options)).toArray(String[]::new);
    }
}
