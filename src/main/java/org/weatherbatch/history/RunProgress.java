package org.weatherbatch.history;

import java.time.Duration;
import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How far a running execution has got, from what it has committed to the job repository.
 *
 * @param step the step it is in (staging, fetching, merging…); null before its first
 * @param zipcodes the run's zipcodes to fetch, once its input is staged
 * @param fetched zipcodes fetched by the run so far, earlier executions included
 * @param failed zipcodes failed by the run so far, earlier executions included
 * @param doneNow zipcodes this execution has done, which its rate counts
 * @param fetching how long this execution has been fetching
 * @param holder the live process running it (process id @ host); null when none is: left by a process that is gone
 */
public record RunProgress(long executionId, String run, String status, LocalDateTime startTime, String step,
        long zipcodes, long fetched, long failed, long doneNow, Duration fetching, String holder) {

    @JsonProperty
    public long done() {
        return fetched + failed;
    }

    /** Zipcodes a second in this execution; 0 before it has done one. */
    @JsonProperty
    public double rate() {
        return fetching.isZero() ? 0 : doneNow / (fetching.toMillis() / 1000.0);
    }

    /** The time left at this execution's rate; null while there is no rate to tell it by. */
    @JsonProperty
    public Duration timeLeft() {
        return rate() == 0 ? null : Duration.ofSeconds(Math.round(Math.max(zipcodes - done(), 0) / rate()));
    }
}
