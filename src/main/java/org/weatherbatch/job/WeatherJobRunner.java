package org.weatherbatch.job;

import java.io.IOException;
import java.nio.file.Path;

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
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import org.weatherbatch.config.WeatherProperties;

/**
 * Launches the run named by the input file and the date: a new run, the restart of a
 * failed or stopped one from its last commit, or nothing at all when it has completed.
 * The process exits with the outcome (see {@link ExitCodes}).
 */
@Component
public class WeatherJobRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(WeatherJobRunner.class);

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final Job weatherJob;

    private final WeatherProperties properties;

    private int exitCode = ExitCodes.NOT_STARTED;

    public WeatherJobRunner(JobOperator jobOperator, JobRepository jobRepository, Job weatherJob,
            WeatherProperties properties) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.weatherJob = weatherJob;
        this.properties = properties;
    }

    /** The run's identity: the input file and the date. */
    public static JobParameters runParameters(WeatherProperties properties) {
        return new JobParametersBuilder()
                .addString("input", properties.input().toAbsolutePath().normalize().toString())
                .addLocalDate("date", properties.date())
                .toJobParameters();
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        JobParameters parameters = runParameters(properties);
        String run = parameters.getString("input") + " for " + properties.date();
        Path lockDir = properties.stateDir().resolve("locks");
        try (RunLock lock = RunLock.tryAcquire(lockDir, run)) {
            if (lock == null) {
                log.error("The run of {} is already running in process {}; not starting it twice.", run,
                        RunLock.holder(lockDir, run));
                exitCode = ExitCodes.ALREADY_RUNNING;
                return;
            }
            exitCode = launch(parameters, run);
        }
    }

    /** Runs with the run's lock held: no other live process is running it. */
    private int launch(JobParameters parameters, String run) {
        JobExecution last = jobRepository.getLastJobExecution(weatherJob.getName(), parameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            log.info("Nothing to do: the run of {} completed at {} (execution {}).", run, last.getEndTime(),
                    last.getId());
            return ExitCodes.COMPLETED;
        }
        if (last != null && last.isRunning()) {
            log.warn("Execution {} of {} was left {} by a process that is gone (killed or crashed): "
                    + "marking it FAILED and restarting from its last commit.", last.getId(), run, last.getStatus());
            jobOperator.recover(jobRepository.getJobExecution(last.getId()));
        }
        else if (last != null) {
            log.info("Restarting the {} run of {} from its last commit.", last.getStatus(), run);
        }
        try {
            return ExitCodes.of(jobOperator.start(weatherJob, parameters).getStatus());
        }
        catch (JobExecutionException e) {
            log.error("Could not launch the run of {}: {}", run, e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
