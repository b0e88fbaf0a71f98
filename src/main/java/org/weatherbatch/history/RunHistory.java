package org.weatherbatch.history;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.weatherbatch.input.ZipcodeLine.Kind;
import org.weatherbatch.output.OutputFiles;
import org.weatherbatch.summary.FailureText;
import org.weatherbatch.summary.FetchPartitions;
import org.weatherbatch.summary.NightRetries;
import org.weatherbatch.summary.RunCounts;

/** The runs recorded in the job repository, newest first: the nights and the retries of their failures. */
public class RunHistory {

    private final JobRepository jobRepository;

    private final List<String> jobNames;

    private final NightRetries retries;

    private final String fetchStep;

    private final Function<JobParameters, Optional<String>> holder;

    /**
     * @param fetchStep the partitioned step whose partitions' work the progress of a run counts
     * @param holder the live process (process id @ host) running a run, by its parameters
     */
    public RunHistory(JobRepository jobRepository, String jobName, NightRetries retries, String fetchStep,
            Function<JobParameters, Optional<String>> holder) {
        this.jobRepository = jobRepository;
        this.jobNames = List.of(jobName, retries.jobName());
        this.retries = retries;
        this.fetchStep = fetchStep;
        this.holder = holder;
    }

    /**
     * The latest runs (an input and date, a rerun of them, or a retry of a night's failures), at
     * most {@code limit}: each as its latest execution.
     */
    public List<RunRecord> recent(int limit) {
        return jobNames.stream()
                .flatMap(jobName -> jobRepository.getJobInstances(jobName, 0, limit).stream())
                .map(jobRepository::getLastJobExecution)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(JobExecution::getId).reversed())
                .limit(limit)
                .map(this::record)
                .toList();
    }

    /** The executions recorded as running, oldest first: live ones and any left by a process that is gone. */
    public List<RunProgress> running() {
        return jobNames.stream()
                .flatMap(jobName -> jobRepository.findRunningJobExecutions(jobName).stream())
                .sorted(Comparator.comparing(JobExecution::getId))
                .map(this::progress)
                .toList();
    }

    private RunProgress progress(JobExecution execution) {
        RunCounts counts = retries.counts(execution);
        List<StepExecution> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId)).toList();
        String step = steps.stream().filter(one -> !FetchPartitions.isPartition(one))
                .reduce((first, second) -> second).map(StepExecution::getStepName).orElse(null);
        long doneNow = steps.stream().filter(FetchPartitions::isPartition).mapToLong(StepExecution::getWriteCount).sum();
        Duration fetching = steps.stream().filter(one -> one.getStepName().equals(fetchStep))
                .map(StepExecution::getStartTime).filter(Objects::nonNull).findFirst()
                .map(start -> Duration.between(start, LocalDateTime.now())).orElse(Duration.ZERO);
        JobParameters parameters = execution.getJobParameters();
        return new RunProgress(execution.getId(),
                parameters.getString("input") + " for " + parameters.getLocalDate("date"),
                execution.getStatus().name(), execution.getStartTime(), step, counts.lines(Kind.ZIPCODE),
                counts.fetched(), counts.failed(), doneNow, fetching, holder.apply(parameters).orElse(null));
    }

    /** Every execution of the run the execution belongs to, first to last. */
    public List<RunRecord> executionsOfRun(long executionId) {
        return find(jobRepository, executionId).stream()
                .flatMap(execution -> jobRepository.getJobExecutions(execution.getJobInstance()).stream())
                .sorted(Comparator.comparing(JobExecution::getId))
                .map(this::record)
                .toList();
    }

    public Optional<RunRecord> execution(long executionId) {
        return find(jobRepository, executionId)
                .filter(execution -> jobNames.contains(execution.getJobInstance().getJobName()))
                .map(this::record);
    }

    /** An execution by id; empty when there is none (the repository throws rather than answer null). */
    public static Optional<JobExecution> find(JobRepository jobRepository, long executionId) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(executionId));
        }
        catch (EmptyResultDataAccessException none) {
            return Optional.empty();
        }
    }

    /** A failed partition's exit description before the job's, which only says that one failed. */
    private static String rootExitDescription(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> FetchPartitions.isPartition(step) && step.getStatus() == BatchStatus.FAILED)
                .map(step -> step.getExitStatus().getExitDescription())
                .filter(description -> description != null && !description.isBlank())
                .findFirst()
                .orElse(Objects.requireNonNullElse(execution.getExitStatus().getExitDescription(), ""));
    }

    /** When the job repository last heard from an execution: its own last update or its steps', at a commit. */
    public static LocalDateTime lastUpdated(JobExecution execution) {
        return Stream.concat(Stream.of(execution.getLastUpdated()),
                execution.getStepExecutions().stream().map(StepExecution::getLastUpdated))
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    /** The execution as the history tells it; one that just ended is read as it is in memory. */
    public RunRecord record(JobExecution execution) {
        RunCounts counts = retries.counts(execution);
        String exitDescription = rootExitDescription(execution);
        boolean failed = execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.ABANDONED;
        String failure = failed && !exitDescription.isBlank() ? FailureText.of(exitDescription) : null;
        Long retryOf = NightRetries.nightOf(execution).orElse(null);
        return new RunRecord(execution.getId(), execution.getJobParameters().getLocalDate("date"),
                execution.getJobParameters().getString("input"),
                execution.getJobParameters().getString(OutputFiles.PARAMETER), execution.getStatus().name(), failure,
                execution.getStartTime(), execution.getEndTime(), lastUpdated(execution), counts.linesRead(),
                counts.lines(), counts.fetched(), counts.failed(), counts.failures(),
                jobRepository.getJobExecutions(execution.getJobInstance()).size(), retryOf,
                retryOf != null ? List.of() : retries.of(execution.getId()).stream().map(JobExecution::getId).toList());
    }
}
