package org.weatherbatch.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.weatherbatch.summary.RunSummaryListener;

/** The process's exit codes, for cron, systemd and Kubernetes. */
public final class ExitCodes {

    /** The run completed, now or earlier. */
    public static final int COMPLETED = 0;

    /** The run failed; rerun the same command to continue from the last commit. */
    public static final int FAILED = 1;

    /** Nothing ran: an option is wrong or the application could not start. */
    public static final int NOT_STARTED = 2;

    /** The run was stopped; rerun the same command to continue. */
    public static final int STOPPED = 3;

    /** Another process is running the same input and date, or using the job repository. */
    public static final int ALREADY_RUNNING = 4;

    /** The run completed, but more of its zipcodes failed than weather.max-failure-ratio allows. */
    public static final int POOR = 5;

    private ExitCodes() {
    }

    /** A run's exit code: its status, and the summary's verdict on a completed run (see RunSummaryListener). */
    static int of(JobExecution execution) {
        return RunSummaryListener.POOR.equals(execution.getExitStatus().getExitCode()) ? POOR
                : of(execution.getStatus());
    }

    static int of(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case STOPPING, STOPPED -> STOPPED;
            default -> FAILED;
        };
    }
}
