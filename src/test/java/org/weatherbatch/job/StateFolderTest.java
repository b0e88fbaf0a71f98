package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The state folder: one that cannot be written stops the start with a message naming it
 * and the reason, rather than a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StateFolderTest extends WeatherJobTestSupport {

    @Test
    void aStateFolderThatCannotBeCreatedStopsTheStartNamingItAndTheReason(CapturedOutput output) throws Exception {
        writeInput("02134");
        Path stateDir = Files.writeString(work.resolve("a-file"), "not a folder").resolve("state");

        assertThat(run("--weather.state-dir=" + stateDir)).isEqualTo(ExitCodes.NOT_STARTED);

        assertThat(output).contains("Property: weather.state-dir")
                .contains("cannot write in " + stateDir.toAbsolutePath() + ": Not a directory");
        assertNothingRanAndNoTrace(output);
    }

    /** Root writes whatever the permissions say, so a read-only mount it is: skipped where mounting is not permitted. */
    @Test
    void aStateFolderOnAReadOnlyFileSystemStopsTheStartNamingItAndTheReason(CapturedOutput output) throws Exception {
        writeInput("02134");
        Path readOnly = Files.createDirectory(work.resolve("read-only"));
        mountReadOnly(readOnly);
        try {
            assertThat(run("--weather.state-dir=" + readOnly)).isEqualTo(ExitCodes.NOT_STARTED);
            assertThat(run("--weather.state-dir=" + readOnly.resolve("state"))).isEqualTo(ExitCodes.NOT_STARTED);
        }
        finally {
            command("umount", readOnly.toString());
        }

        assertThat(output).contains("cannot write in " + readOnly + ": Read-only file system")
                .contains("cannot write in " + readOnly.resolve("state") + ": Read-only file system");
        assertNothingRanAndNoTrace(output);
    }

    private void assertNothingRanAndNoTrace(CapturedOutput output) {
        assertThat(output).doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(output(".jsonl")).doesNotExist();
        assertThat(requests()).isZero();
    }

    private static void mountReadOnly(Path folder) throws IOException, InterruptedException {
        String said = command("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", folder.toString());
        assumeTrue(said == null, () -> "cannot mount a read-only tmpfs here (it takes root): " + said);
    }

    /** What the command said when it failed; null when it succeeded. */
    private static String command(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        }
        catch (IOException notThere) {
            return notThere.getMessage();
        }
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() == 0 ? null : said;
    }
}
