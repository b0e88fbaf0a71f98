package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * SIGTERM at any moment of a run whose requests answer quickly: the execution ends STOPPED,
 * never COMPLETED with zipcodes unread, and the rerun finishes the night exactly once.
 */
@ExtendWith(OutputCaptureExtension.class)
class StopTest extends WeatherJobTestSupport {

    private static final int SIGTERM_EXIT = 143;

    private List<String> zips;

    @BeforeEach
    void quickApi() {
        zips = IntStream.range(0, 600).mapToObj(i -> String.format("%05d", 20000 + i)).toList();
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(5)
                .willReturn(okJson(weatherBody("Quicktown")).withFixedDelay(20)));
    }

    /** 0 ms: before the first chunk commits; later: mid-chunk or between chunks, whichever the moment finds. */
    @ParameterizedTest(name = "SIGTERM {0} ms into the fetch step")
    @ValueSource(ints = {0, 250, 700})
    void aStopWhileFetchingEndsStoppedAndTheRerunFinishesTheNightExactlyOnce(int delayMillis, CapturedOutput output)
            throws Exception {
        writeInput(zips.toArray(String[]::new));

        stopChildAfter("Executing step: [fetchWeather]", delayMillis, "--weather.chunk-size=8");

        assertThat(jsonLineCount()).isLessThan(zips.size());
        assertStoppedThenRerunCompletesExactlyOnce(output, zips);
    }

    @Test
    void aStopWhileStagingEndsStoppedAndTheRerunStagesTheRest(CapturedOutput output) throws Exception {
        // 40 stage chunks of 10,000 lines: long enough to be stopped between two of them
        Files.write(input, Stream.iterate(0, i -> i < 400_000, i -> i + 1).map(i -> zips.get(i % zips.size()))
                .toList());

        stopChildAfter("Executing step: [stageZipcodes]", 300);

        assertThat(Files.readString(work.resolve("child-0.log"))).doesNotContain("Executing step: [fetchWeather]");
        assertStoppedThenRerunCompletesExactlyOnce(output, zips);
    }

    @Test
    void aStopWhileRequestsHangEndsThemAtOnceNotAtTheirReadTimeout(CapturedOutput output) throws Exception {
        writeInput(zips.toArray(String[]::new));
        Process child = startChild("--weather.chunk-size=8");
        awaitTrue(() -> jsonLineCount() >= 16, "the run to commit some chunks");
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(3)
                .willReturn(okJson(weatherBody("Hungtown")).withFixedDelay(60_000)));
        Thread.sleep(500);

        child.destroy(); // SIGTERM

        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("exits before the 15 s read timeout").isTrue();
        assertThat(child.exitValue()).isEqualTo(SIGTERM_EXIT);
        assertThat(jsonLineCount()).isLessThan(zips.size());
        assertStoppedThenRerunCompletesExactlyOnce(output, zips);
    }

    @Test
    void aStopWhileAScheduledRunFetchesEndsItStoppedAsInOneShotMode(CapturedOutput output) throws Exception {
        writeInput(zips.toArray(String[]::new));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        stopChildAfter("Executing step: [fetchWeather]", 250, "--weather.schedule=* * * * * *",
                "--weather.schedule-zone=UTC", "--weather.chunk-size=8");

        assertThat(readQuietly(work.resolve("child-0.log"))).doesNotContain("FAILED").doesNotContain("Interrupted")
                .contains("The run for " + today + " ended with exit code 3");
        assertThat(run("history")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).containsPattern("\\s+1\\s+" + today + "\\s+STOPPED\\s");
        assertThat(run("--weather.date=" + today, "--weather.chunk-size=8")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).contains("Restarting the STOPPED run of");
        assertThat(Files.readAllLines(work.resolve("output/zipcodes-" + today + ".jsonl"))).hasSize(zips.size());
    }

    @Test
    void aStopWhileTheScheduleWaitsSaysSoInOneLine() throws Exception {
        Process child = startChild("--weather.schedule=0 0 2 * * *");
        Path log = work.resolve("child-0.log");
        awaitTrue(() -> readQuietly(log).contains("Scheduled: "), "the schedule to start");

        child.destroy(); // SIGTERM

        assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(SIGTERM_EXIT);
        String afterScheduled = readQuietly(log).substring(readQuietly(log).indexOf("Scheduled: "));
        assertThat(afterScheduled.lines().skip(1).toList()).singleElement().asString()
                .contains("Shutting down: no run in progress; the schedule ends.");
    }

    private void stopChildAfter(String logLine, int delayMillis, String... options) throws Exception {
        Process child = startChild(options);
        Path log = work.resolve("child-0.log");
        awaitTrue(() -> readQuietly(log).contains(logLine), "the child to log " + logLine);
        Thread.sleep(delayMillis);
        assertThat(child.isAlive()).as("still running when stopped").isTrue();

        child.destroy(); // SIGTERM

        assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(SIGTERM_EXIT);
        assertThat(readQuietly(log)).contains("Shutting down: stopping the run in progress")
                .doesNotContain("COMPLETED");
    }

    private void assertStoppedThenRerunCompletesExactlyOnce(CapturedOutput output, List<String> expected)
            throws Exception {
        assertThat(run("history")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).containsPattern("\\s+1\\s+" + DATE + "\\s+STOPPED\\s");

        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(2).willReturn(okJson(weatherBody("Fasttown"))));
        assertThat(run("--weather.chunk-size=8")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Restarting the STOPPED run of");
        assertThat(jsonZips()).containsExactlyElementsOf(expected);
        assertThat(lines(".csv")).hasSize(1 + expected.size()).doesNotHaveDuplicates();
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail");
    }
}
