package org.weatherbatch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.history.RunHistory;
import org.weatherbatch.input.InputFingerprint;
import org.weatherbatch.input.InputValidation;
import org.weatherbatch.input.StagedZipcodeDao;
import org.weatherbatch.output.OutputFiles;
import org.weatherbatch.output.OutputNameDao;
import org.weatherbatch.output.PartMergeTasklet;
import org.weatherbatch.summary.NightRetries;

/**
 * Launches the run named by an input file and a date: a new run, the restart of a failed
 * or stopped one from its last commit (recovering it first when its process died), or
 * nothing at all when it has completed or was abandoned; with {@code --weather.rerun}, a new
 * run of the same night that fetches everything again. A restart is refused when the input
 * or the committed outputs changed since the run started: it would mis-read the one or lose
 * lines of the other. Holds the run's lease throughout, on whichever host it runs. The
 * failures of a completed night are retried into its files by {@link FailureRetries}.
 */
class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final Job weatherJob;

    private final RunLeases leases;

    private final RunStarter starter;

    private final FailureRetries failureRetries;

    private final Path outputDir;

    private final StagedZipcodeDao stagedZipcodes;

    private final OutputNameDao outputNames;

    private final UnfinishedNights unfinishedNights;

    RunLauncher(JobOperator jobOperator, JobRepository jobRepository, Job weatherJob, WeatherProperties properties,
            RunLeases leases, RunStarter starter, FailureRetries failureRetries, StagedZipcodeDao stagedZipcodes,
            OutputNameDao outputNames) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.weatherJob = weatherJob;
        this.leases = leases;
        this.starter = starter;
        this.failureRetries = failureRetries;
        this.outputDir = properties.outputDir();
        this.stagedZipcodes = stagedZipcodes;
        this.outputNames = outputNames;
        this.unfinishedNights = new UnfinishedNights(jobRepository, weatherJob.getName());
    }

    public int launch(Path input, LocalDate date) {
        return launch(input, date, false);
    }

    /** @param rerun start the night again as a new run, even when it completed */
    public int launch(Path input, LocalDate date, boolean rerun) {
        InputValidation.requireReadable(input);
        String run = RunParameters.name(RunParameters.identity(input, date, 0));
        try (RunLogContext.Scope named = RunLogContext.of(input, date)) {
            return starter.holdingLease(run, () -> launchLocked(input, date, rerun, run));
        }
    }

    /**
     * Restarts the run of a failed or stopped execution, the same as launching its input and
     * date again; a retry's, the same as retrying its night's failures again.
     */
    public int restart(long executionId) {
        JobExecution execution = execution(executionId);
        if (execution == null) {
            return ExitCodes.FAILED;
        }
        if (NightRetries.nightOf(execution).isPresent()) {
            return failureRetries.retry(executionId);
        }
        JobExecution last = RunParameters.latestOfNight(jobRepository,
                RunParameters.input(execution.getJobParameters()), RunParameters.date(execution.getJobParameters()));
        if (last != null && last.getId() != executionId) {
            log.error("Execution {} is not the latest of its run: restart execution {} instead.", executionId,
                    last.getId());
            return ExitCodes.FAILED;
        }
        return launch(RunParameters.input(execution.getJobParameters()),
                RunParameters.date(execution.getJobParameters()));
    }

    /** Fetches again the failures of a completed night worth retrying, into its files (see FailureRetries). */
    public int retryFailures(long executionId) {
        return failureRetries.retry(executionId);
    }

    /** Marks a run that should never be restarted ABANDONED: launching it again then does nothing. */
    public int abandon(long executionId) {
        JobExecution execution = execution(executionId);
        if (execution == null) {
            return ExitCodes.FAILED;
        }
        String run = RunParameters.name(execution.getJobParameters());
        if (!UnfinishedNights.unfinished(execution)) {
            log.error("Execution {} of {} is {}: there is nothing to abandon.", executionId, run,
                    execution.getStatus());
            return ExitCodes.FAILED;
        }
        Long night = NightRetries.nightOf(execution).orElse(null);
        if (night != null && halfMerged(execution)) {
            log.error("Execution {} of {} is renaming its merge over the night's files: abandoned, it would leave "
                    + "them half-merged. Finish it with retry-failures {}.", executionId, run, night);
            return ExitCodes.FAILED;
        }
        Optional<RunLease> lease = leases.tryAcquire(run);
        if (lease.isEmpty()) {
            log.error("The run of {} is running in process {}: stop it (SIGTERM) before abandoning it.", run,
                    leases.holder(run));
            return ExitCodes.ALREADY_RUNNING;
        }
        try (RunLease held = lease.get()) {
            abandonLocked(execution);
            log.info("Abandoned execution {} of {}: {}", executionId, run, night != null
                    ? "the next retry-failures " + night + " starts a new retry of the night's failures."
                    : "launching this run again will do nothing (--weather.rerun starts the night again).");
            return ExitCodes.COMPLETED;
        }
        catch (JobExecutionException e) {
            log.error("Could not abandon execution {} of {}: {}", executionId, run, e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** Whether the execution's merge may have renamed some of its outputs and not all. */
    private boolean halfMerged(JobExecution execution) {
        StepExecution merge = jobRepository.getLastStepExecution(execution.getJobInstance(),
                WeatherJobConfiguration.MERGE_STEP);
        return merge != null && PartMergeTasklet.renaming(merge.getExecutionContext());
    }

    private void abandonLocked(JobExecution execution) throws JobExecutionException {
        KilledRunRecovery.recover(jobOperator, jobRepository, execution.getId()); // if left STARTED by a dead process
        JobExecution stopped = jobRepository.getJobExecution(execution.getId());
        LocalDateTime ended = stopped.getEndTime();
        JobExecution abandoned = jobOperator.abandon(stopped);
        abandoned.setEndTime(ended); // its duration ends when it stopped, not when it was abandoned
        jobRepository.update(abandoned);
        long run = execution.getJobInstance().getInstanceId();
        stagedZipcodes.drop(run); // never to be fetched now
        try {
            OutputFiles.at(execution.getJobParameters().getString(OutputFiles.PARAMETER)).deleteParts(run);
        }
        catch (IOException e) {
            log.warn("Could not remove the part files of abandoned execution {}: {}", execution.getId(), e.toString());
        }
    }

    /** The execution of that id; null, having said so, when there is none. */
    private JobExecution execution(long executionId) {
        JobExecution execution = RunHistory.find(jobRepository, executionId).orElse(null);
        if (execution == null) {
            log.error("No execution {} in the job repository (see the history command).", executionId);
        }
        return execution;
    }

    /** Runs with the run's lease held: no other live process, on any host, is running it. */
    private int launchLocked(Path input, LocalDate date, boolean rerun, String run) {
        JobExecution last = RunParameters.latestOfNight(jobRepository, input, date);
        InputFingerprint inputNow = InputFingerprint.of(input);
        if (last == null || rerun) {
            return startAfresh(input, date, inputNow, last);
        }
        String inputChange = RunParameters.fingerprint(last.getJobParameters()).changeTo(inputNow);
        if (!UnfinishedNights.unfinished(last)) {
            log.info("Nothing to do: the run of {} {} at {} (execution {}).{}", run,
                    last.getStatus() == BatchStatus.COMPLETED ? "completed" : "was abandoned", last.getEndTime(),
                    last.getId(), inputChange.isEmpty() ? "" : " The input changed since (" + inputChange
                            + "): --weather.rerun fetches it again.");
            return last.getStatus() == BatchStatus.COMPLETED ? ExitCodes.of(failureRetries.verdict(last))
                    : ExitCodes.COMPLETED;
        }
        if (!inputChange.isEmpty()) {
            log.error("Not restarting the {} run of {}: the input changed since the run started ({}), and a restart "
                    + "would mis-read it (it goes on by line position). Restore the file as it was and launch again; "
                    + "or start the night again from the new file with --weather.rerun.", last.getStatus(), run,
                    inputChange);
            return ExitCodes.FAILED;
        }
        return starter.resume(last, "run of " + run);
    }

    /** A new run of the night; an unfinished one before it is abandoned, as it is replaced. */
    private int startAfresh(Path input, LocalDate date, InputFingerprint inputNow, JobExecution last) {
        long rerun = last == null ? 0 : RunParameters.rerun(last.getJobParameters()) + 1;
        JobParameters identity = RunParameters.identity(input, date, rerun);
        String run = RunParameters.name(identity);
        if (last == null) {
            unfinishedNights.warnAbout(input, date);
        }
        else {
            if (UnfinishedNights.unfinished(last)) {
                try {
                    abandonLocked(last);
                }
                catch (JobExecutionException e) {
                    log.error("Could not abandon execution {} of {} to start it again: {}", last.getId(), run,
                            e.getMessage());
                    return ExitCodes.FAILED;
                }
            }
            log.info("Starting the run of {} again (execution {} was {}): every zipcode is fetched again and the "
                    + "night's outputs are written anew.", run, last.getId(), last.getStatus());
        }
        return starter.start(weatherJob, RunParameters.firstLaunch(identity, inputNow,
                outputNames.claim(outputDir, input, date)), "run of " + run);
    }
}
