package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What a restart must not take on trust: an input that changed since the run started, outputs
 * deleted since, or another input's outputs of the same name. Each is refused or kept apart,
 * and {@code --weather.rerun} starts the night again from scratch.
 */
@ExtendWith(OutputCaptureExtension.class)
class NightIntegrityTest extends WeatherJobTestSupport {

    private static final List<String> ZIPS = IntStream.rangeClosed(1, 20)
            .mapToObj(i -> String.format("%05d", 1000 + i)).toList();

    private static final String[] OPTIONS = {"--weather.partitions=1", "--weather.chunk-size=4", "--weather.concurrency=2",
        "--weather.api.max-attempts=2", "--weather.api.failure-threshold=3"};

    @Test
    void aRestartOfAnInputThatChangedIsRefusedAndRerunStartsTheNightAgainFromTheNewFile(CapturedOutput output)
            throws Exception {
        failMidway();
        List<String> changed = new ArrayList<>(ZIPS.subList(15, 20)); // moved to the top
        changed.addAll(ZIPS.subList(2, 15)); // the first two dropped
        changed.add("02134"); // one appended
        writeInput(changed.toArray(String[]::new));
        int requestsBefore = requests();

        assertThat(run(OPTIONS)).isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("Not restarting the FAILED run of " + input.toAbsolutePath() + " for " + DATE
                + ": the input changed since the run started (it was 120 bytes and is now 114)");
        assertThat(requests()).as("nothing fetched").isEqualTo(requestsBefore);

        assertThat(run(append(OPTIONS, "--weather.rerun=true"))).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Starting the run of " + input.toAbsolutePath() + " for " + DATE
                + " again (execution 1 was FAILED)");
        assertThat(jsonZips()).containsExactlyElementsOf(changed);
        assertThat(lines(".csv")).hasSize(1 + changed.size()).doesNotHaveDuplicates();
        assertThat(run("history")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).containsPattern("\\s+1\\s+" + DATE + "\\s+ABANDONED\\s")
                .containsPattern("\\s+2\\s+" + DATE + "\\s+COMPLETED\\s");
    }

    @Test
    void aChangeThatKeepsTheSizeIsSeenToo(CapturedOutput output) throws Exception {
        failMidway();
        List<String> swapped = new ArrayList<>(ZIPS);
        swapped.set(0, ZIPS.get(19));
        swapped.set(19, ZIPS.get(0));
        writeInput(swapped.toArray(String[]::new));

        assertThat(run(OPTIONS)).isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("the input changed since the run started (it has the same size (120 bytes) "
                + "but other content)");
    }

    @Test
    void aCompletedNightWhoseInputChangedSaysSoAndHowToFetchItAgain(CapturedOutput output) throws Exception {
        writeInput("02134", "10001");
        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);
        writeInput("02134", "10001", "60601");

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Nothing to do: the run of " + input.toAbsolutePath() + " for " + DATE
                + " completed").contains("The input changed since (it was 12 bytes and is now 18): --weather.rerun "
                        + "fetches it again.");
        assertThat(jsonZips()).containsExactly("02134", "10001");

        assertThat(run("--weather.rerun=true")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(jsonZips()).containsExactly("02134", "10001", "60601");
    }

    @Test
    void outputsDeletedAfterAFailureAreNamedAndTheRestartRefused(CapturedOutput output) throws Exception {
        failMidway();
        Path jsonPart = parts(".jsonl").get(0);
        Path csvPart = Path.of(jsonPart.toString().replace(".jsonl", ".csv"));
        long committed = Files.size(jsonPart);
        Files.delete(jsonPart);
        Files.writeString(csvPart, "zip\n");
        int requestsBefore = requests();

        assertThat(run(OPTIONS)).isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("Not restarting the FAILED run of " + input.toAbsolutePath() + " for " + DATE
                + ": the outputs of its committed part are gone").contains(jsonPart
                        + " is gone (its commits wrote %,d bytes)".formatted(committed))
                .contains(csvPart + " holds 4 bytes of the");
        assertThat(requests()).isEqualTo(requestsBefore);

        assertThat(run(append(OPTIONS, "--weather.rerun=true"))).isEqualTo(ExitCodes.COMPLETED);
        assertThat(jsonZips()).containsExactlyElementsOf(ZIPS);
        assertThat(lines(".csv")).hasSize(1 + ZIPS.size()).doesNotHaveDuplicates();
    }

    @Test
    void inputsOfTheSameNameInOtherFoldersGetOutputsOfTheirOwn(CapturedOutput output) throws Exception {
        Path east = Files.createDirectories(work.resolve("east")).resolve("zipcodes.csv");
        Path west = Files.createDirectories(work.resolve("west")).resolve("zipcodes.csv");
        Files.writeString(east, "02134\n10001\n");
        Files.writeString(west, "94103\n");

        assertThat(run("--weather.input=" + east)).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run("--weather.input=" + west)).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run("--weather.input=" + east, "--weather.rerun=true")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).as("the first to take the name keeps it").containsExactly("02134", "10001");
        try (var files = Files.list(work.resolve("output"))) {
            Path westJsonLines = files.filter(file -> file.getFileName().toString()
                    .matches("zipcodes-[0-9a-f]{8}-" + DATE + "\\.jsonl")).findFirst().orElseThrow();
            assertThat(Files.readAllLines(westJsonLines)).singleElement().asString().contains("\"zip\":\"94103\"");
            assertThat(output).contains("outputs: " + westJsonLines);
        }
    }

    /** From the 15th zipcode on the API is down: two ranges of ten, the second fails after one chunk of four. */
    private void failMidway() throws Exception {
        writeInput(ZIPS.toArray(String[]::new));
        ZIPS.subList(14, ZIPS.size()).forEach(zip -> stubZip(zip, aResponse().withStatus(503)));
        assertThat(run(OPTIONS)).isEqualTo(ExitCodes.FAILED);
        assertThat(committedJsonZips()).containsExactlyElementsOf(ZIPS.subList(0, 14));
        api.resetAll();
        answerEveryZipcode();
    }

    private static String[] append(String[] options, String option) {
        String[] all = java.util.Arrays.copyOf(options, options.length + 1);
        all[options.length] = option;
        return all;
    }
}
