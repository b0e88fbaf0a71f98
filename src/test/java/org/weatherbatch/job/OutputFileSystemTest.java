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
 * The output folder on a file system of its own that fails it: full mid-run, or read-only.
 * The run fails FAILED (never UNKNOWN) naming the file and the system's reason, and once the
 * fault is gone the rerun completes exactly once. Needs root to mount a tmpfs, as in CI;
 * skipped, saying so, elsewhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutputFileSystemTest extends WeatherJobTestSupport {

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
        mountTmpfs("size=200k");
        List<String> zips = IntStream.range(0, 1000).mapToObj(i -> String.format("%05d", 30000 + i)).toList();
        writeInput(zips.toArray(String[]::new));
        String[] options = {"--weather.output-dir=" + disk, "--weather.chunk-size=16"};

        assertThat(run(options)).isEqualTo(ExitCodes.FAILED);

        assertThat(output).containsPattern("failed: .*Cannot write " + disk + "/zipcodes-" + DATE
                + "\\.run1\\.part\\d+\\.(jsonl|csv): No space left on device");
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

    @Test
    void aReadOnlyOutputFolderFailsTheRunNamingTheFileAndTheRealCause(CapturedOutput output) throws Exception {
        mountTmpfs("ro");
        writeInput("02134", "10001");

        assertThat(run("--weather.output-dir=" + disk.resolve("output"))).isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("failed: Cannot write " + disk.resolve("output/zipcodes-" + DATE
                + ".run1.stage-failures.csv") + ": " + disk.resolve("output") + ": Read-only file system");
        assertThat(requests()).isZero();

        assertThat(mount("mount", "-o", "remount,rw", disk.toString())).isTrue();
        assertThat(run("--weather.output-dir=" + disk.resolve("output"))).isEqualTo(ExitCodes.COMPLETED);
        assertThat(Files.readAllLines(disk.resolve("output/zipcodes-" + DATE + ".jsonl"))).hasSize(2);
    }

    private void mountTmpfs(String options) throws Exception {
        Path folder = Files.createDirectories(work.resolve("own-file-system"));
        assumeTrue(mount("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString()),
                "mounting a tmpfs needs root (CI runs as root): this output file system test is skipped here");
        disk = folder;
    }

    private static boolean mount(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor() == 0;
    }
}
