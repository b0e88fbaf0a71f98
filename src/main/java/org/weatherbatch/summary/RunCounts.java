package org.weatherbatch.summary;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.weatherbatch.input.RetryStagingWriter;
import org.weatherbatch.input.ZipcodeLine.Kind;
import org.weatherbatch.output.FetchResultWriter;
import org.weatherbatch.output.OutcomeTally;

/**
 * What a run had done by the end of one of its executions: its lines by kind, zipcodes
 * fetched, and failures by reason. Read from the steps' committed tallies, which carry
 * over restarts, so the counts cover the whole run up to that execution.
 */
public record RunCounts(Map<String, Long> lines, long fetched, Map<String, Long> failures) {

    public static RunCounts of(JobRepository jobRepository, JobExecution execution, String stageStep,
            FetchPartitions fetchPartitions) {
        Map<String, Long> lines = tally(jobRepository, execution, stageStep);
        Map<String, Long> failures = new TreeMap<>(fetchPartitions.byOutcome(execution.getJobInstance()));
        Long fetched = failures.remove(FetchResultWriter.FETCHED);
        return new RunCounts(lines, fetched == null ? 0 : fetched, failures);
    }

    /**
     * The night's counts once a retry of its failures merged: what the retry fetched is added,
     * and the failures it retried are replaced by those that failed again.
     */
    public RunCounts withRetry(RunCounts retry) {
        Map<String, Long> nightFailures = new TreeMap<>(failures);
        retry.lines(RetryStagingWriter.RETRIED).forEach((reason, count) -> nightFailures.merge(reason, -count,
                Long::sum));
        retry.failures.forEach((reason, count) -> nightFailures.merge(reason, count, Long::sum));
        nightFailures.values().removeIf(count -> count == 0);
        return new RunCounts(lines, fetched + retry.fetched, nightFailures);
    }

    /** The lines counted under a prefix, by what follows it: a retry's "retried." ones by reason, say. */
    public Map<String, Long> lines(String prefix) {
        Map<String, Long> lines = new TreeMap<>();
        this.lines.forEach((outcome, count) -> {
            if (outcome.startsWith(prefix)) {
                lines.put(outcome.substring(prefix.length()), count);
            }
        });
        return lines;
    }

    public long lines(Kind kind) {
        return lines.getOrDefault(kind.name(), 0L);
    }

    public long linesRead() {
        return lines.values().stream().mapToLong(Long::longValue).sum();
    }

    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether more of the zipcodes fetched for failed than that share of them. */
    public boolean failedMoreThan(double maxFailureRatio) {
        return failed() > maxFailureRatio * (fetched + failed());
    }

    /** The execution's own step when it ran one, else the run's latest (a completed stage step, say). */
    private static Map<String, Long> tally(JobRepository jobRepository, JobExecution execution, String stepName) {
        StepExecution step = execution.getStepExecutions().stream()
                .filter(candidate -> candidate.getStepName().equals(stepName))
                .findFirst()
                .orElseGet(() -> jobRepository.getLastStepExecution(execution.getJobInstance(), stepName));
        return OutcomeTally.read(step == null ? new ExecutionContext() : step.getExecutionContext());
    }
}
