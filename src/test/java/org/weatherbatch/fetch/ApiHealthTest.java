package org.weatherbatch.fetch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.weatherbatch.output.FailureReason;

class ApiHealthTest {

    private static final Attempt TIMEOUT = new Attempt.Transient(FailureReason.TIMEOUT, "read timed out");

    private final ApiHealth health = new ApiHealth(3);

    @Test
    void theThresholdOfFailuresInARowMarksTheApiDownForEveryWorker() {
        health.record(TIMEOUT);
        health.record(TIMEOUT);
        assertThatCode(health::ensureUp).doesNotThrowAnyException();

        health.record(TIMEOUT);

        assertThatThrownBy(health::ensureUp).isInstanceOf(ApiUnavailableException.class)
                .hasMessageStartingWith("The API seems down: 3 requests in a row failed (last: read timed out)");
    }

    @Test
    void anyAnswerEvenARefusalEndsTheRunOfFailuresButA429DoesNot() {
        health.record(TIMEOUT);
        health.record(TIMEOUT);
        health.record(new Attempt.Refused(FailureReason.NOT_FOUND, "city not found"));
        health.record(TIMEOUT);
        health.record(TIMEOUT);
        assertThatCode(health::ensureUp).doesNotThrowAnyException();

        health.record(new Attempt.Throttled(null, "429"));
        health.record(TIMEOUT);

        assertThatThrownBy(health::ensureUp).hasMessageContaining("3 requests in a row failed");
    }

    @Test
    void aRejectedKeyMarksTheApiDownAtOnceAndTheFirstReasonStays() {
        health.record(new Attempt.KeyRejected("401 Invalid API key"));
        health.record(TIMEOUT);
        health.record(TIMEOUT);
        health.record(TIMEOUT);

        assertThatThrownBy(health::ensureUp).hasMessageStartingWith("The API refused the key (401 Invalid API key)");
    }
}
