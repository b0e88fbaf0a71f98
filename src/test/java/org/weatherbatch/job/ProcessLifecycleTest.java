package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What other processes do to a run: SIGKILL mid-run, a second launch at the same time. */
@ExtendWith(OutputCaptureExtension.class)
class ProcessLifecycleTest extends WeatherJobTestSupport {

    private List<String> zips;

    @BeforeEach
    void slowApi() throws IOException {
        zips = IntStream.range(0, 400).mapToObj(i -> String.format("%05d", 3000 + i)).toList();
        writeInput(zips.toArray(String[]::new));
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(5)
                .willReturn(okJson(weatherBody("Slowtown")).withFixedDelay(25)));
    }

    @Test
    void aRunKilledWithSigkillIsRecoveredByTheNextLaunchAndCompletedExactlyOnce(CapturedOutput output)
            throws Exception {
        Process child = startChild("--weather.chunk-size=8");
        awaitTrue(() -> jsonLineCount() >= 40, "the child to commit some chunks");

        assertThat(child.isAlive()).as("still running when killed").isTrue();
        child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no chance to tidy up
        int writtenAtKill = jsonLineCount();
        int requestsAtKill = requests();
        assertThat(writtenAtKill).isLessThan(zips.size());

        assertThat(run("--weather.chunk-size=8")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("was left STARTED by a process that is gone (killed or crashed)");
        assertThat(jsonZips()).containsExactlyElementsOf(zips);
        assertThat(lines(".csv")).hasSize(1 + zips.size()).doesNotHaveDuplicates();
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail");
        // it continued from the last commit: at most the chunk in flight at the kill is written again
        assertThat(requests() - requestsAtKill).isLessThanOrEqualTo(zips.size() - writtenAtKill + 8);
    }

    @Test
    void launchesWhileARunIsGoingAreRefusedClearlyAndTheRunIsUnharmed(CapturedOutput output) throws Exception {
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(4)
                .willReturn(okJson(weatherBody("Slowertown")).withFixedDelay(100))); // a 10 s run
        Process first = startChild();
        awaitTrue(() -> jsonLineCount() >= 1, "the first launch to be fetching");

        assertThat(run()).isEqualTo(ExitCodes.ALREADY_RUNNING);
        assertThat(first.isAlive()).as("the first run goes on").isTrue();
        assertThat(run("--weather.date=2026-11-28")).isEqualTo(ExitCodes.ALREADY_RUNNING);
        assertThat(first.isAlive()).as("the first run goes on").isTrue();

        assertThat(output).contains("The job repository is in use by another weather-batch process");
        assertThat(first.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(ExitCodes.COMPLETED);
        assertThat(jsonZips()).containsExactlyElementsOf(zips);
        assertThat(work.resolve("output/zipcodes-2026-11-28.jsonl")).doesNotExist();
    }

    @Test
    void historyShowAndStatusWorkFromAnotherProcessWhileARunHoldsTheRepository(CapturedOutput output)
            throws Exception {
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(4)
                .willReturn(okJson(weatherBody("Slowertown")).withFixedDelay(100))); // a 10 s run
        Process first = startChild("--weather.chunk-size=8");
        awaitTrue(() -> jsonLineCount() >= 16, "the run to have committed chunks");

        assertThat(run("status")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).containsPattern("Execution 1: .*zipcodes.csv for 2026-11-27, STARTED since ")
                .contains("running in process " + first.pid() + "@", "step fetchWeather")
                .containsPattern("done: +\\d+ of 400 zipcodes").containsPattern("rate: +\\d+\\.\\d zipcodes/s");
        assertThat(run("history")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).containsPattern("\\s1  2026-11-27  STARTED ");
        assertThat(run("show", "1")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).contains("status:   STARTED");
        assertThat(run("abandon", "1")).as("commands that change the repository still need it to themselves")
                .isEqualTo(ExitCodes.ALREADY_RUNNING);

        assertThat(first.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(ExitCodes.COMPLETED);
        assertThat(jsonZips()).containsExactlyElementsOf(zips);
        assertThat(work.resolve("state/job-repository.server")).as("no longer served").doesNotExist();
        assertThat(run("status")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).contains("No run is going.");
    }

    @Test
    void statusTellsARunLeftByAKilledProcessAndHowToFinishIt(CapturedOutput output) throws Exception {
        Process child = startChild("--weather.chunk-size=8");
        awaitTrue(() -> jsonLineCount() >= 16, "the child to commit some chunks");
        child.destroyForcibly().waitFor();

        assertThat(run("status")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).contains("Execution 1: ", "no live process runs it: it was left by one that is gone. "
                + "\"restart 1\" finishes it");
    }
}
