package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Nights as operators see them: a folder of inputs, each night's verdict, the nights left unfinished. */
@ExtendWith(OutputCaptureExtension.class)
class NightsTest extends WeatherJobTestSupport {

    NightsTest() {
        judgeNights = true;
    }

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

    @Test
    void aNewNightWarnsOfAnEarlierUnfinishedOneAndLeavesItAsItIs(CapturedOutput output) throws Exception {
        failTheNightOnARefusedKey();

        assertThat(run("--weather.date=2026-11-28")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("An earlier night of this input is unfinished: " + input.toAbsolutePath()
                + " for " + DATE + " (FAILED, execution 1). \"restart 1\" finishes it (with today's weather), "
                + "\"abandon 1\" gives it up.");
        assertThat(requests()).as("only the new night's").isEqualTo(1);
        assertThat(run("abandon", "1")).isEqualTo(ExitCodes.COMPLETED);
        int warnings = output.toString().split("An earlier night").length;
        assertThat(run("--weather.date=2026-11-29")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output.toString().split("An earlier night")).as("none left to warn of").hasSize(warnings);
    }

    @Test
    void aFolderOfInputsRunsEachFileAsARunOfItsOwnAndExitsWithTheWorst(CapturedOutput output) throws Exception {
        Path nightly = Files.createDirectories(work.resolve("nightly"));
        Files.writeString(nightly.resolve("a.csv"), "zip\n02134\n10001\n");
        Files.writeString(nightly.resolve("b.csv"), "zip\n");
        Files.writeString(nightly.resolve("c.csv"), "zip\n00501\n");
        Files.writeString(nightly.resolve("notes.txt"), "not an input\n");

        assertThat(run("--weather.input=" + nightly)).isEqualTo(ExitCodes.FAILED);

        Path outputs = work.resolve("output");
        assertThat(Files.readAllLines(outputs.resolve("a-" + DATE + ".jsonl"))).hasSize(2);
        assertThat(Files.readAllLines(outputs.resolve("c-" + DATE + ".jsonl"))).hasSize(1);
        assertThat(outputs.resolve("b-" + DATE + ".jsonl")).doesNotExist();
        assertThat(output).contains("Inputs of " + nightly + " for " + DATE + ": 3 of 3 run",
                nightly.resolve("a.csv") + ": completed (exit 0)", nightly.resolve("b.csv") + ": failed (exit 1)",
                nightly.resolve("c.csv") + ": completed (exit 0)");

        assertThat(run("--weather.input=" + nightly + "/[ac].csv")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(requests()).as("both done already").isEqualTo(3);
        assertThat(run("--weather.input=" + nightly + "/z*.csv")).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(output).contains("no file matches z*.csv in " + nightly);
    }

    @Test
    void withCatchUpANewNightFinishesTheEarlierUnfinishedOnesFirst(CapturedOutput output) throws Exception {
        failTheNightOnARefusedKey();

        assertThat(run("--weather.date=2026-11-28", "--weather.catch-up=true")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Catching up: finishing the night of " + input + " for " + DATE + " first")
                .doesNotContain("An earlier night of this input is unfinished");
        assertThat(jsonZips()).containsExactly("02134");
        assertThat(Files.readAllLines(work.resolve("output/zipcodes-2026-11-28.jsonl"))).hasSize(1);
    }

    @Test
    void withRetentionEachLaunchPrunesTheRunsEndedLongerAgo(CapturedOutput output) throws Exception {
        writeInput("02134");

        assertThat(run("--weather.retention=30d")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Pruned 0 runs that ended before");
        assertThat(run("--weather.retention=10m")).as("an hour at least").isEqualTo(ExitCodes.NOT_STARTED);
    }
}
