package org.weatherbatch.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.test.MetaDataInstanceFactory;

class PartMergeTaskletTest {

    private static final long RUN = 7;

    private static final long RETRY = 9;

    @TempDir
    Path folder;

    private OutputFiles outputs;

    @BeforeEach
    void parts() throws Exception {
        outputs = OutputFiles.at(folder.resolve("zipcodes-2026-11-27").toString());
        write(outputs.stagePart(RUN).failures(), "junk,3,invalid-line,not a zipcode: junk");
        write(outputs.part(RUN, 0).jsonLines(), "{\"zip\":\"02134\"}", "{\"zip\":\"10001\"}");
        write(outputs.part(RUN, 0).csv(), "02134,Boston", "10001,New York");
        write(outputs.part(RUN, 0).failures());
        write(outputs.part(RUN, 1).jsonLines(), "{\"zip\":\"60601\"}");
        write(outputs.part(RUN, 1).csv(), "60601,Chicago");
        write(outputs.part(RUN, 1).failures(), "99999,9,not-found,HTTP 404: city not found");
        write(outputs.part(RUN + 1, 0).jsonLines(), "{\"zip\":\"another run\"}");
    }

    @Test
    void putsThePartsTogetherInPartitionOrderUnderOneHeaderThenRemovesThem() throws Exception {
        StepExecution step = MetaDataInstanceFactory.createStepExecution();

        assertThat(execute(step)).as("written beside").isEqualTo(RepeatStatus.CONTINUABLE);
        assertThat(outputs.jsonLines()).doesNotExist();
        assertThat(execute(step)).as("renamed").isEqualTo(RepeatStatus.CONTINUABLE);
        assertThat(execute(step)).isEqualTo(RepeatStatus.FINISHED);

        assertMerged();
        assertThat(Files.list(folder).map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                "zipcodes-2026-11-27.jsonl", "zipcodes-2026-11-27.csv", "zipcodes-2026-11-27-failures.csv",
                "zipcodes-2026-11-27.run8.part0000.jsonl");
    }

    @Test
    void aCrashBeforeTheMergeWasRecordedMergesAgainToTheSameFiles() throws Exception {
        execute(MetaDataInstanceFactory.createStepExecution()); // its context never committed

        StepExecution rerun = MetaDataInstanceFactory.createStepExecution();
        execute(rerun);
        execute(rerun);

        assertMerged();
    }

    @Test
    void aCrashWhileRemovingThePartsLeavesTheOutputsAsMerged() throws Exception {
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        execute(step);
        execute(step);
        Files.delete(outputs.part(RUN, 0).jsonLines()); // removed before the crash

        StepExecution rerun = MetaDataInstanceFactory.createStepExecution();
        rerun.setExecutionContext(step.getExecutionContext());

        assertThat(execute(rerun)).isEqualTo(RepeatStatus.FINISHED);
        assertMerged();
        assertThat(outputs.part(RUN, 1).jsonLines()).doesNotExist();
    }

    @Test
    void aRetryAddsItsWeatherAfterTheNightsAndReplacesTheNightsFailuresWithWhatItKeptAndWhatStillFailed()
            throws Exception {
        mergeTheNight();
        retryParts();
        StepExecution step = MetaDataInstanceFactory.createStepExecution();

        execute(step, RETRY, true);
        execute(step, RETRY, true);
        assertThat(execute(step, RETRY, true)).isEqualTo(RepeatStatus.FINISHED);

        assertRetryMerged();
        assertThat(outputs.part(RETRY, 0).jsonLines()).doesNotExist();
    }

    /** The night's files are renamed one at a time: a crash between two renames, then a rerun. */
    @Test
    void aRetryThatFailsBetweenItsRenamesRenamesOnlyWhatIsLeftWhenRerun() throws Exception {
        mergeTheNight();
        retryParts();
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        execute(step, RETRY, true);
        Path inTheWay = outputs.failures();
        Files.delete(inTheWay);
        Files.createDirectories(inTheWay.resolve("a folder in the way"));

        assertThatThrownBy(() -> execute(step, RETRY, true)).isInstanceOf(OutputNotWritableException.class)
                .hasMessageContaining(inTheWay.toString());
        assertThat(Files.readAllLines(outputs.jsonLines())).as("renamed before the failure").hasSize(4);

        Files.delete(inTheWay.resolve("a folder in the way"));
        Files.delete(inTheWay);
        StepExecution rerun = MetaDataInstanceFactory.createStepExecution();
        rerun.setExecutionContext(step.getExecutionContext()); // as committed: written beside, not yet renamed
        execute(rerun, RETRY, true);
        execute(rerun, RETRY, true);

        assertRetryMerged();
    }

    private void mergeTheNight() throws Exception {
        StepExecution night = MetaDataInstanceFactory.createStepExecution();
        execute(night);
        execute(night);
        execute(night);
    }

    /** A retry's parts: the night's failures kept as they were (none worth retrying), and 30303 fetched. */
    private void retryParts() throws Exception {
        write(outputs.stagePart(RETRY).failures(), "junk,3,invalid-line,not a zipcode: junk",
                "99999,9,not-found,HTTP 404: city not found");
        write(outputs.part(RETRY, 0).jsonLines(), "{\"zip\":\"30303\"}");
        write(outputs.part(RETRY, 0).csv(), "30303,Atlanta");
        write(outputs.part(RETRY, 0).failures());
    }

    private void assertRetryMerged() throws Exception {
        assertThat(Files.readAllLines(outputs.jsonLines())).containsExactly("{\"zip\":\"02134\"}",
                "{\"zip\":\"10001\"}", "{\"zip\":\"60601\"}", "{\"zip\":\"30303\"}");
        assertThat(Files.readAllLines(outputs.csv())).containsExactly(OutputWriters.csvHeader(), "02134,Boston",
                "10001,New York", "60601,Chicago", "30303,Atlanta");
        assertThat(Files.readAllLines(outputs.failures())).containsExactly("zip,line,reason,detail",
                "junk,3,invalid-line,not a zipcode: junk", "99999,9,not-found,HTTP 404: city not found");
    }

    private void assertMerged() throws Exception {
        assertThat(Files.readAllLines(outputs.jsonLines())).containsExactly("{\"zip\":\"02134\"}",
                "{\"zip\":\"10001\"}", "{\"zip\":\"60601\"}");
        assertThat(Files.readAllLines(outputs.csv())).containsExactly(OutputWriters.csvHeader(), "02134,Boston",
                "10001,New York", "60601,Chicago");
        assertThat(Files.readAllLines(outputs.failures())).containsExactly("zip,line,reason,detail",
                "junk,3,invalid-line,not a zipcode: junk", "99999,9,not-found,HTTP 404: city not found");
    }

    private RepeatStatus execute(StepExecution step) throws Exception {
        return execute(step, RUN, false);
    }

    private RepeatStatus execute(StepExecution step, long run, boolean intoNight) throws Exception {
        return new PartMergeTasklet(outputs, run, intoNight).execute(step.createStepContribution(),
                new ChunkContext(new StepContext(step)));
    }

    private static void write(Path file, String... lines) throws Exception {
        Files.write(file, List.of(lines));
    }
}
