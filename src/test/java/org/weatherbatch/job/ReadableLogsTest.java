package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A run that fails for a reason the job foresees ends with its cause in one line and the
 * summary, not stack traces; a restart shows no Spring Batch internals.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadableLogsTest extends WeatherJobTestSupport {

    @Test
    void anOutageEndsWithItsCauseInOneLineAndTheRestartShowsNoSpringBatchInternals(CapturedOutput output)
            throws Exception {
        writeInput("02134", "10001", "60601");
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(1).willReturn(aResponse().withStatus(503)));

        assertThat(run("--weather.api.failure-threshold=3")).isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("  failed: The API seems down: 3 requests in a row failed (last: HTTP 503");
        assertOnlyTheSummarysErrorLines(output.toString());
        int before = output.length();

        assertThat(run("--weather.api.failure-threshold=3")).isEqualTo(ExitCodes.FAILED);

        String restart = output.toString().substring(before);
        assertThat(restart).contains("Restarting the FAILED run of").doesNotContain("Step already complete")
                .doesNotContain("StepExecution:");
        assertOnlyTheSummarysErrorLines(restart);
    }

    @Test
    void aRejectedKeyEndsWithItsCauseInOneLine(CapturedOutput output) throws Exception {
        writeInput("02134", "10001");
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(1).willReturn(invalidKey()));

        assertThat(run()).isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("  failed: The API refused the key (HTTP 401");
        assertOnlyTheSummarysErrorLines(output.toString());
    }

    @Test
    void anOutputFolderThatCannotBeWrittenEndsWithItsCauseInOneLine(CapturedOutput output) throws Exception {
        writeInput("02134");
        Files.writeString(work.resolve("output"), "a file where the folder should be");

        assertThat(run()).isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("  failed: Cannot write " + work.resolve("output/zipcodes-" + DATE
                + ".run1.stage-failures.csv") + ": " + work.resolve("output") + ": a file is in the way of a folder");
        assertOnlyTheSummarysErrorLines(output.toString());
    }

    @Test
    void aMissingInputIsToldWithoutAStackTrace(CapturedOutput output) {
        assertThat(run("--weather.input=" + work.resolve("nowhere.csv"))).isEqualTo(ExitCodes.NOT_STARTED);

        assertThat(output).contains(work.resolve("nowhere.csv") + " does not exist").doesNotContain("\tat ");
    }

    private static void assertOnlyTheSummarysErrorLines(String log) {
        assertThat(log).doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(log.lines().filter(line -> line.contains(" ERROR "))).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("RunSummaryListener"));
    }
}
