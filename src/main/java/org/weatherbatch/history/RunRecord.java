package org.weatherbatch.history;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One execution of a run, as the history shows it.
 *
 * @param executionId the id that {@code show}, {@code restart} and {@code abandon} take
 * @param outputs the prefix of the run's output files (see OutputFiles)
 * @param failure what the execution failed of, in one line; null when it did not fail
 * @param endTime null while no end is recorded: running, or left STARTED by a process that was killed
 * @param lastUpdated the execution's last record in the job repository (its steps record each commit)
 * @param lines the run's input lines by kind (zipcode, duplicate, invalid, ignored)
 * @param failures the run's failed zipcodes by reason
 * @param retryOf for a retry of a night's failures, the execution that completed the night; else null
 * @param retries for a night, the latest execution of each retry of its failures, first to last
 */
public record RunRecord(long executionId, LocalDate date, String input, String outputs, String status, String failure,
        LocalDateTime startTime, LocalDateTime endTime, LocalDateTime lastUpdated, long linesRead,
        Map<String, Long> lines, long fetched, long failed, Map<String, Long> failures, int executions,
        Long retryOf, List<Long> retries) {

    /** Up to the last record when no end is: a killed run's does not grow with the clock. */
    public Duration duration() {
        LocalDateTime end = endTime != null ? endTime : lastUpdated;
        return startTime == null || end == null ? Duration.ZERO : Duration.between(startTime, end);
    }
}
