package org.weatherbatch.job;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start refused because another process has the H2 job repository open. The
 * file-based H2 is used by one process at a time: sharing it between processes (H2's
 * AUTO_SERVER) breaks the runs of the others when the first one exits.
 */
public class JobRepositoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** H2's ErrorCode.DATABASE_ALREADY_OPEN_1. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (!isCauseOf(cause)) {
            return null;
        }
        return new FailureAnalysis(
                "The job repository is in use by another weather-batch process: " + cause.getMessage().lines()
                        .findFirst().orElse(""),
                "Wait for the other run to end (the status command tells how far it has got): one process at a time "
                        + "uses a state folder (weather.state-dir). "
                        + "To run several at once, give each its own --weather.state-dir, or use a PostgreSQL "
                        + "job repository (spring.datasource.url).",
                cause);
    }
}
