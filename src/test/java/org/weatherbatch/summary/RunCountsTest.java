package org.weatherbatch.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RunCountsTest {

    @Test
    void aNightAfterARetryHasWhatTheRetryFetchedAndInsteadOfWhatItRetriedWhatStillFailed() {
        RunCounts night = new RunCounts(Map.of("ZIPCODE", 41L, "INVALID", 1L), 30,
                Map.of("timeout", 2L, "server-error", 8L, "not-found", 1L));
        RunCounts retry = new RunCounts(Map.of("retried.timeout", 2L, "retried.server-error", 8L,
                "kept.invalid-line", 1L, "kept.not-found", 1L), 9, Map.of("server-error", 1L));

        RunCounts after = night.withRetry(retry);

        assertThat(after.fetched()).isEqualTo(39);
        assertThat(after.failures()).isEqualTo(Map.of("server-error", 1L, "not-found", 1L));
        assertThat(after.lines()).as("the input's lines, as they were").isEqualTo(night.lines());
        assertThat(retry.lines("kept.")).isEqualTo(Map.of("invalid-line", 1L, "not-found", 1L));
    }
}
