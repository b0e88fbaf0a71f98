package org.weatherbatch.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.FatalStepExecutionException;

class FailureTextTest {

    @Test
    void aStoredExitDescriptionGivesItsCausesWithoutSpringBatchsWrapperNorClassNames() {
        String exitDescription = """
                org.springframework.batch.core.step.FatalStepExecutionException: Unable to process chunk
                \tat org.springframework.batch.core.step.item.ChunkOrientedStep.doExecute(ChunkOrientedStep.java:1)
                Caused by: org.weatherbatch.fetch.ApiUnavailableException: The API refused the key (HTTP 401)
                \tat org.weatherbatch.fetch.ApiHealth.ensureUp(ApiHealth.java:25)
                """;

        assertThat(FailureText.of(exitDescription)).isEqualTo("The API refused the key (HTTP 401)");
    }

    @Test
    void aCauseAlreadyToldByItsWrapperIsLeftOutAndAWrapperAloneStillSaysSomething() {
        IOException full = new IOException("No space left on device");

        assertThat(FailureText.of(new IllegalStateException("Cannot write out.csv: No space left on device", full)))
                .isEqualTo("Cannot write out.csv: No space left on device");
        assertThat(FailureText.of(new FatalStepExecutionException("Unable to process chunk",
                new IllegalStateException("The API seems down")))).isEqualTo("The API seems down");
        assertThat(FailureText.of("org.springframework.batch.core.job.JobInterruptedException: Stopped"))
                .isEqualTo("Stopped");
    }
}
