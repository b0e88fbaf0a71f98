package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The command line protects its user: help, version, unknown options and validate run nothing. */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineTest extends WeatherJobTestSupport {

    @Test
    void helpListsCommandsOptionsWithDefaultsAndExitCodesAndRunsNothing(CapturedOutput output) throws Exception {
        writeInput("02134");

        assertThat(run("--help")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run("help")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("validate").contains("history [--json]").contains("restart <id>")
                .containsPattern("--weather.concurrency=16 +the most requests in flight at once")
                .containsPattern("--weather.api.read-timeout=15s +how long to wait for a whole answer")
                .contains("--weather.input=input/zipcodes.csv").contains("Exit codes:")
                .contains("2  nothing ran: an option is wrong").contains("4  nothing ran: another process");
        assertThat(requests()).isZero();
        assertThat(work.resolve("state")).as("no job repository, no run").doesNotExist();
    }

    @Test
    void versionNamesTheBuildAndItsCommit(CapturedOutput output) {
        assertThat(run("--version")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output.getOut().strip())
                .matches("weather-batch 0\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [0-9a-f]{7,}( with uncommitted changes)?"
                        + ", built \\d{4}-\\d\\d-\\d\\dT.*Z\\)");
        assertThat(work.resolve("state")).doesNotExist();
    }

    @Test
    void anUnknownOptionIsRefusedBeforeAnythingRunsNamingTheNearestOne(CapturedOutput output) throws Exception {
        writeInput("02134");

        assertThat(run("--weather.concurency=8")).isEqualTo(ExitCodes.NOT_STARTED);

        assertThat(output).contains("Unknown option:").contains("Property: weather.concurency\n    Value: \"8\"\n"
                + "    Origin: the command line, --weather.concurency=8\n"
                + "    Reason: no such option; did you mean weather.concurrency?");
        assertThat(requests()).isZero();
        assertThat(work.resolve("state")).as("nothing ran, not even the job repository").doesNotExist();
    }

    @Test
    void validateReportsZipcodesDuplicatesAndBadLinesWithoutARequestOrARun(CapturedOutput output) throws Exception {
        writeInput("zip,name", "02134,Allston", "", "# a comment", "1234", "02134", "abc", "10001-1234,\"two", "lines\"",
                "10001");

        assertThat(run("validate")).as("a line is not a zipcode").isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("line 5: zipcode has 4 digits (a leading zero may have been lost); the line: 1234")
                .contains("line 6: duplicate of line 2: 02134").contains("line 7: not a zipcode: abc; the line: abc")
                .contains("line 10: duplicate of line 8: 10001")
                .contains(input.toAbsolutePath() + ": 2 zipcodes to fetch, 2 duplicates, 2 lines not zipcodes");
        assertThat(requests()).isZero();
        assertThat(run("history")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).as("no run recorded").contains("No runs yet.");

        writeInput("02134", "10001");
        assertThat(run("validate")).as("every line a zipcode").isEqualTo(ExitCodes.COMPLETED);
        assertThat(Files.exists(work.resolve("output"))).as("no output written").isFalse();
    }
}
