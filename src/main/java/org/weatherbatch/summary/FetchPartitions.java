package org.weatherbatch.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.weatherbatch.output.OutcomeTally;

/**
 * A run's fetch partitions, each as its latest step execution, and what they have committed
 * by outcome ("fetched", "not-found"…): the sum of their tallies, which carry over restarts.
 */
public class FetchPartitions {

    /** Spring Batch names a partition's step execution after its worker step and the partition. */
    private static final String SEPARATOR = ":";

    private final JobRepository jobRepository;

    private final String partitionStep;

    public FetchPartitions(JobRepository jobRepository, String partitionStep) {
        this.jobRepository = jobRepository;
        this.partitionStep = partitionStep;
    }

    /** Whether the step execution is a partition's, of any partitioned step. */
    public static boolean isPartition(StepExecution step) {
        return step.getStepName().contains(SEPARATOR);
    }

    /**
     * In partition order; none before the fetch step has split the run. Read with the run's
     * executions, a query for each execution's steps and one for each step's context: asking
     * for each partition's last step execution took four queries a partition.
     */
    public List<StepExecution> latest(JobInstance run) {
        Map<String, StepExecution> latest = new TreeMap<>();
        for (JobExecution execution : jobRepository.getJobExecutions(run)) {
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStepName().startsWith(partitionStep + SEPARATOR)) {
                    latest.merge(step.getStepName(), step, (one, other) -> one.getId() > other.getId() ? one : other);
                }
            }
        }
        return new ArrayList<>(latest.values());
    }

    public Map<String, Long> byOutcome(JobInstance run) {
        Map<String, Long> counts = new TreeMap<>();
        latest(run).forEach(partition -> OutcomeTally.read(partition.getExecutionContext())
                .forEach((outcome, count) -> counts.merge(outcome, count, Long::sum)));
        return counts;
    }

    public long total(JobInstance run) {
        return byOutcome(run).values().stream().mapToLong(Long::longValue).sum();
    }
}
