package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The output folder on a small tmpfs that fills up mid-run: the run fails FAILED (never
 * UNKNOWN) naming the file and the cause, and once space is freed the rerun completes
 * exactly once. Needs root to mount, as in CI; skipped, saying so, elsewhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class FullDiskTest extends WeatherJobTestSupport {

    private Path disk;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            mount("umount", disk.toString());
        }
    }

    @Test
    void aFullDiskFailsTheRunRestartablyNamingTheFileAndTheRerunCompletesExactlyOnce(CapturedOutput output)
            throws Exception {
        Path folder = Files.createDirectories(work.resolve("small-disk"));
        assumeTrue(mount("mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", folder.toString()),
                "mounting a tmpfs needs root (CI runs as root): the full-disk test is skipped here");
        disk = folder;
        List<String> zips = IntStream.range(0, 1000).mapToObj(i -> String.format("%05d", 30000 + i)).toList();
        writeInput(zips.toArray(String[]::new));
        String[] options = {"--weather.output-dir=" + disk, "--weather.chunk-size=16"};

        assertThat(run(options)).isEqualTo(ExitCodes.FAILED);

        assertThat(output).containsPattern("failed: .*Cannot write " + disk + "/zipcodes-" + DATE
                + "\\.(jsonl|csv): No space left on device");
        assertThat(run("history")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).containsPattern("\\s+1\\s+" + DATE + "\\s+FAILED\\s");

        assertThat(mount("mount", "-o", "remount,size=20m", disk.toString())).isTrue();
        assertThat(run(options)).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Restarting the FAILED run of");
        Path jsonLines = disk.resolve("zipcodes-" + DATE + ".jsonl");
        assertThat(Files.readAllLines(jsonLines).stream().map(line -> JSON.readTree(line).path("zip").asString()))
                .containsExactlyElementsOf(zips);
        assertThat(Files.readAllLines(disk.resolve("zipcodes-" + DATE + ".csv"))).hasSize(1 + zips.size())
                .doesNotHaveDuplicates();
        assertThat(Files.readAllLines(disk.resolve("zipcodes-" + DATE + "-failures.csv")))
                .containsExactly("zip,line,reason,detail");
    }

    private static boolean mount(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor() == 0;
    }
}
