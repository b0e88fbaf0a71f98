package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The state folder: one that cannot be written, or a damaged job repository in it, stops
 * the start with a message naming it and what to do, rather than a stack trace or a
 * completed night done again from scratch.
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

    @Test
    void aStateFolderRelativeToTheWorkingDirectoryIsTheOneThere() throws Exception {
        writeInput("02134");
        answerEveryZipcode();
        Process child = startChild(work, "--weather.state-dir=relative/state");

        assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(ExitCodes.COMPLETED);
        assertThat(work.resolve("relative/state/job-repository.mv.db")).isNotEmptyFile();
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

    @Test
    void aDamagedJobRepositoryStopsTheStartSayingWhatToDoAndNoCompletedRunIsDoneAgain(CapturedOutput output)
            throws Exception {
        writeInput("02134");
        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);
        byte[] repository = Files.readAllBytes(repositoryIn(work.resolve("state")));
        byte[] random = new byte[repository.length];
        new Random(11).nextBytes(random);
        Map<String, byte[]> damages = new LinkedHashMap<>();
        damages.put("empty", new byte[0]);
        damages.put("headers", Arrays.copyOf(repository, 8192));
        damages.put("random", random);
        damages.put("tables-gone", databaseWith("CREATE TABLE SOMETHING_ELSE (ID INT)"));
        int requestsBefore = requests();

        for (Map.Entry<String, byte[]> damage : damages.entrySet()) {
            Path file = writeRepository(damage.getKey(), damage.getValue());
            assertThat(run("--weather.state-dir=" + file.getParent())).as(damage.getKey())
                    .isEqualTo(ExitCodes.NOT_STARTED);
            assertThat(output).contains("The job repository " + file + " is damaged: ").contains("Restore " + file
                    + " from a backup; or, to start afresh without the history, move it aside");
        }
        // cut in half, it may still hold the whole history, written earlier in the file: it is then not damaged
        Path half = writeRepository("half", Arrays.copyOf(repository, repository.length / 2));
        assertThat(run("--weather.state-dir=" + half.getParent())).isIn(ExitCodes.NOT_STARTED, ExitCodes.COMPLETED);
        Path restored = writeRepository("empty", repository);
        assertThat(run("--weather.state-dir=" + restored.getParent())).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Nothing to do: the run of " + input.toAbsolutePath());
        assertThat(requests()).as("no completed run done again").isEqualTo(requestsBefore);
        assertThat(output).doesNotContain("\tat ");
    }

    @Test
    void aRepositoryThatH2CreatedButNeverWroteToIsNew() throws Exception {
        writeInput("02134");
        Path file = repositoryIn(Files.createDirectories(work.resolve("state")));
        new MVStore.Builder().fileName(file.toString()).open().closeImmediately(); // a first start killed there

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("02134");
    }

    /** In a state folder of its own: H2 keeps a file it found no database in locked for the rest of the JVM. */
    private Path writeRepository(String damage, byte[] content) throws IOException {
        return Files.write(repositoryIn(Files.createDirectories(work.resolve("state-" + damage))), content);
    }

    /** An H2 database that H2 reads well but Spring Batch could not: its tables are not there. */
    private byte[] databaseWith(String statement) throws Exception {
        Path file = work.resolve("other-database");
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "")) {
            db.createStatement().execute(statement);
        }
        return Files.readAllBytes(Path.of(file + ".mv.db"));
    }

    private static Path repositoryIn(Path stateDir) {
        return stateDir.resolve("job-repository.mv.db");
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
