package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What a night's exit code tells cron or Kubernetes beyond "it ran". */
@ExtendWith(OutputCaptureExtension.class)
class NightVerdictTest extends WeatherJobTestSupport {

    @Test
    void aCompletedNightWithTooManyFailuresExitsPoorAndSaysSo(CapturedOutput output) throws Exception {
        writeInput("zip", "02134", "99998", "99999");
        stubZip("99998", notFound());
        stubZip("99999", notFound());

        assertThat(run()).isEqualTo(ExitCodes.POOR);

        assertThat(output).contains("COMPLETED").contains(
                "poor: 2 of 3 zipcodes failed, more than weather.max-failure-ratio (0.05) allows: exit code 5");
        assertThat(jsonZips()).containsExactly("02134");
        assertThat(lines("-failures.csv")).hasSize(3);
        assertThat(run()).as("the night's verdict stands when it is launched again").isEqualTo(ExitCodes.POOR);
        assertThat(output).contains("Nothing to do");
    }

    @Test
    void theShareOfFailuresAllowedIsAnOption() throws Exception {
        writeInput("zip", "02134", "99999");
        stubZip("99999", notFound());

        assertThat(run("--weather.max-failure-ratio=0.5")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run("--weather.max-failure-ratio=0.49", "--weather.date=2026-11-28")).isEqualTo(ExitCodes.POOR);
        assertThat(run("--weather.max-failure-ratio=1.5", "--weather.date=2026-11-29"))
                .isEqualTo(ExitCodes.NOT_STARTED);
    }

    @Test
    void anInputWithoutAZipcodeFailsTheRunBeforeAnyRequest(CapturedOutput output) throws Exception {
        writeInput("zip", "# nothing yet");

        assertThat(run()).isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("The input holds no zipcode: it is empty, has only a header")
                .doesNotContain("rerun the same command");
        assertThat(requests()).isZero();

        Files.writeString(input, "");
        assertThat(run("--weather.date=2026-11-28")).isEqualTo(ExitCodes.FAILED);
        assertThat(requests()).isZero();
    }
}
