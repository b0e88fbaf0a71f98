package org.weatherbatch.report;

import java.time.LocalDate;

import org.weatherbatch.history.RunRecord;

/** One night of an input in the report's list of recent nights: its latest execution. */
public record Night(long executionId, LocalDate date, String status, long seconds, long fetched, long failed) {

    static Night of(RunRecord run) {
        return new Night(run.executionId(), run.date(), run.status(), run.duration().toSeconds(), run.fetched(),
                run.failed());
    }
}
