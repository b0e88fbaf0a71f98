package org.weatherbatch.job;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.weatherbatch.history.RunHistory;

/**
 * Recovers an execution left STARTED by a process that is gone, as Spring Batch's
 * {@link JobOperator#recover} does (FAILED, so that its run can be restarted), but ends it
 * at its last record in the job repository rather than at the recovery, which may come a
 * night later: its duration is then the time it ran, the same before and after.
 */
final class KilledRunRecovery {

    private KilledRunRecovery() {
    }

    static void recover(JobOperator jobOperator, JobRepository jobRepository, long executionId) {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        if (!execution.isRunning()) {
            return;
        }
        LocalDateTime lastUpdated = RunHistory.lastUpdated(execution);
        List<StepExecution> running = execution.getStepExecutions().stream()
                .filter(step -> step.getStatus().isRunning())
                .toList();
        jobOperator.recover(execution);
        for (StepExecution step : running) {
            step.setEndTime(lastUpdated);
            jobRepository.update(step);
        }
        execution.setEndTime(lastUpdated);
        jobRepository.update(execution);
    }
}
