package org.weatherbatch.report;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps each execution's samples in the job repository (WEATHER_RUN_SAMPLE), so that the
 * report of a past run can draw its night again, and a killed run keeps what it had sampled.
 */
public class SampleStore {

    private final JdbcClient jdbc;

    public SampleStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public void save(long executionId, List<Sample> samples) {
        for (Sample sample : samples) {
            jdbc.sql("INSERT INTO WEATHER_RUN_SAMPLE (JOB_EXECUTION_ID, SAMPLED_AT, REQUESTS, FETCHED, FAILED, "
                    + "THROTTLED, RETRIES, P50_MS, P90_MS, P99_MS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(executionId, sample.at(), sample.requests(), sample.fetched(), sample.failed(),
                            sample.throttled(), sample.retries(), sample.p50Ms(), sample.p90Ms(), sample.p99Ms())
                    .update();
        }
    }

    /** The execution's samples in time order. */
    public List<Sample> load(long executionId) {
        return jdbc.sql("SELECT SAMPLED_AT, REQUESTS, FETCHED, FAILED, THROTTLED, RETRIES, P50_MS, P90_MS, P99_MS "
                + "FROM WEATHER_RUN_SAMPLE WHERE JOB_EXECUTION_ID = ? ORDER BY SAMPLED_AT")
                .param(executionId)
                .query((row, number) -> new Sample(row.getLong(1), row.getInt(2), row.getInt(3), row.getInt(4),
                        row.getInt(5), row.getInt(6), row.getObject(7, Double.class), row.getObject(8, Double.class),
                        row.getObject(9, Double.class)))
                .list();
    }

    /** Forgets an execution's samples, with the execution. */
    public void delete(long executionId) {
        jdbc.sql("DELETE FROM WEATHER_RUN_SAMPLE WHERE JOB_EXECUTION_ID = ?").param(executionId).update();
    }
}
