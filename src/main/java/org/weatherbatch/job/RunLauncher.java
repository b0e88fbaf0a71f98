package org.weatherbatch.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.weatherbatch.config.InvalidOptionException;
import org.weatherbatch.fetch.RunStop;
import org.weatherbatch.history.RunHistory;
import org.weatherbatch.input.StagedZipcodes;

/**
 * Launches the run named by an input file and a date: a new run, the restart of a failed
 * or stopped one from its last commit (recovering it first when its process died), or
 * nothing at all when it has completed or was abandoned. Holds the run's lock throughout.
 */
public class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final Job weatherJob;

    private final Path lockDir;

    private final RunStop stop;

    private final GracefulStop gracefulStop;

    private final StagedZipcodes stagedZipcodes;

    public RunLauncher(JobOperator jobOperator, JobRepository jobRepository, Job weatherJob, Path stateDir,
            RunStop stop, GracefulStop gracefulStop, StagedZipcodes stagedZipcodes) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.weatherJob = weatherJob;
        this.lockDir = stateDir.resolve("locks");
        this.stop = stop;
        this.gracefulStop = gracefulStop;
        this.stagedZipcodes = stagedZipcodes;
    }

    /** The run's identity: the input file and the date. */
    public static JobParameters runParameters(Path input, LocalDate date) {
        return new JobParametersBuilder()
                .addString("input", input.toAbsolutePath().normalize().toString())
                .addLocalDate("date", date)
                .toJobParameters();
    }

    public int launch(Path input, LocalDate date) {
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            throw new InvalidOptionException("weather.input", input, input.toAbsolutePath()
                    + (Files.exists(input) ? " is not a readable file" : " does not exist"));
        }
        JobParameters parameters = runParameters(input, date);
        String run = runName(parameters);
        try (RunLock lock = RunLock.tryAcquire(lockDir, run)) {
            if (lock == null) {
                log.error("The run of {} is already running in process {}; not starting it twice.", run,
                        RunLock.holder(lockDir, run));
                return ExitCodes.ALREADY_RUNNING;
            }
            return launchLocked(parameters, run);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot take the run's lock in " + lockDir, e);
        }
    }

    /** Restarts the run of a failed or stopped execution, the same as launching its input and date again. */
    public int restart(long executionId) {
        JobExecution execution = execution(executionId);
        if (execution == null) {
            return ExitCodes.FAILED;
        }
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != executionId) {
            log.error("Execution {} is not the latest of its run: restart execution {} instead.", executionId,
                    last.getId());
            return ExitCodes.FAILED;
        }
        return launch(Path.of(execution.getJobParameters().getString("input")),
                execution.getJobParameters().getLocalDate("date"));
    }

    /** Marks a run that should never be restarted ABANDONED: launching it again then does nothing. */
    public int abandon(long executionId) {
        JobExecution execution = execution(executionId);
        if (execution == null) {
            return ExitCodes.FAILED;
        }
        String run = runName(execution.getJobParameters());
        if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.ABANDONED) {
            log.error("Execution {} of {} is {}: there is nothing to abandon.", executionId, run,
                    execution.getStatus());
            return ExitCodes.FAILED;
        }
        try (RunLock lock = RunLock.tryAcquire(lockDir, run)) {
            if (lock == null) {
                log.error("The run of {} is running in process {}: stop it (SIGTERM) before abandoning it.", run,
                        RunLock.holder(lockDir, run));
                return ExitCodes.ALREADY_RUNNING;
            }
            if (execution.isRunning()) {
                jobOperator.recover(execution); // left STARTED by a process that is gone
            }
            jobOperator.abandon(jobRepository.getJobExecution(executionId));
            stagedZipcodes.drop(execution.getJobInstance().getInstanceId()); // never to be fetched now
            log.info("Abandoned execution {} of {}: launching this run again will do nothing.", executionId, run);
            return ExitCodes.COMPLETED;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot take the run's lock in " + lockDir, e);
        }
        catch (JobExecutionException e) {
            log.error("Could not abandon execution {} of {}: {}", executionId, run, e.getMessage());
            return ExitCodes.FAILED;
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

    /** The run as logs name it, and as its lock is named: input and date. */
    private static String runName(JobParameters parameters) {
        return parameters.getString("input") + " for " + parameters.getLocalDate("date");
    }

    /** Runs with the run's lock held: no other live process is running it. */
    private int launchLocked(JobParameters parameters, String run) {
        JobExecution last = jobRepository.getLastJobExecution(weatherJob.getName(), parameters);
        if (last != null && (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED)) {
            log.info("Nothing to do: the run of {} {} at {} (execution {}).", run,
                    last.getStatus() == BatchStatus.COMPLETED ? "completed" : "was abandoned", last.getEndTime(),
                    last.getId());
            return ExitCodes.COMPLETED;
        }
        if (last != null && last.isRunning()) {
            log.warn("Execution {} of {} was left {} by a process that is gone (killed or crashed): "
                    + "marking it FAILED and restarting from its last commit.", last.getId(), run, last.getStatus());
            KilledRunRecovery.recover(jobOperator, jobRepository, last.getId());
        }
        else if (last != null) {
            log.info("Restarting the {} run of {} from its last commit.", last.getStatus(), run);
        }
        stop.reset();
        gracefulStop.runStarting();
        try {
            return ExitCodes.of(jobOperator.start(weatherJob, parameters).getStatus());
        }
        catch (JobExecutionException e) {
            log.error("Could not launch the run of {}: {}", run, e.getMessage());
            return ExitCodes.FAILED;
        }
        finally {
            gracefulStop.runEnded();
        }
    }
}
