package org.weatherbatch.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.weatherbatch.output.PartMergeTasklet;

/**
 * The retry-failures runs of a night: runs of the retry job, each named by the execution that
 * completed the night and by its number (1, 2, … one after the other). A night's counts are
 * its own with those of the retries that merged into its files folded in, so that the
 * history, the report and the metrics tell the night's files as they are.
 */
public class NightRetries {

    /** A retry's identifying parameter: the execution that completed its night. */
    public static final String NIGHT = "night";

    /** A retry's identifying parameter: which retry of the night it is, from 1. */
    public static final String RETRY = "retry";

    private final JobRepository jobRepository;

    private final String retryJobName;

    private final String stageStep;

    private final String mergeStep;

    private final FetchPartitions fetchPartitions;

    public NightRetries(JobRepository jobRepository, String retryJobName, String stageStep, String mergeStep,
            FetchPartitions fetchPartitions) {
        this.jobRepository = jobRepository;
        this.retryJobName = retryJobName;
        this.stageStep = stageStep;
        this.mergeStep = mergeStep;
        this.fetchPartitions = fetchPartitions;
    }

    public static JobParameters identity(long night, long retry) {
        return new JobParametersBuilder().addLong(NIGHT, night).addLong(RETRY, retry).toJobParameters();
    }

    /** The execution that completed the night a retry retries; empty for a night's own execution. */
    public static Optional<Long> nightOf(JobExecution execution) {
        return Optional.ofNullable(execution.getJobParameters().getLong(NIGHT));
    }

    public static long number(JobExecution retry) {
        return retry.getJobParameters().getLong(RETRY);
    }

    public String jobName() {
        return retryJobName;
    }

    /** The latest execution of each retry of the night, first to last. */
    public List<JobExecution> of(long night) {
        List<JobExecution> retries = new ArrayList<>();
        for (long retry = 1;; retry++) {
            JobInstance instance = jobRepository.getJobInstance(retryJobName, identity(night, retry));
            JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
            if (last == null) {
                return retries;
            }
            retries.add(last); // with its steps' contexts, which the counts are read from
        }
    }

    /** Whether the retry's weather and failures are in the night's files. */
    public boolean merged(JobExecution retry) {
        StepExecution merge = jobRepository.getLastStepExecution(retry.getJobInstance(), mergeStep);
        return merge != null && PartMergeTasklet.merged(merge.getExecutionContext());
    }

    /** What the execution's run did: a retry's own counts; a night's with its merged retries folded in. */
    public RunCounts counts(JobExecution execution) {
        RunCounts counts = RunCounts.of(jobRepository, execution, stageStep, fetchPartitions);
        if (nightOf(execution).isPresent()) {
            return counts;
        }
        for (JobExecution retry : of(execution.getId())) {
            if (merged(retry)) {
                counts = counts.withRetry(RunCounts.of(jobRepository, retry, stageStep, fetchPartitions));
            }
        }
        return counts;
    }

    /** The night's counts as the execution left them: a night's own, or for a retry its night's. */
    public RunCounts nightCounts(JobExecution execution) {
        return counts(nightOf(execution).map(jobRepository::getJobExecution).orElse(execution));
    }
}
