package org.weatherbatch.job;

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
    public void run(ApplicationArguments args) {
        JobParameters parameters = runParameters(properties);
        String run = parameters.getString("input") + " for " + properties.date();
        JobExecution last = jobRepository.getLastJobExecution(weatherJob.getName(), parameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            log.info("Nothing to do: the run of {} completed at {} (execution {}).", run, last.getEndTime(),
                    last.getId());
            exitCode = ExitCodes.COMPLETED;
            return;
        }
        if (last != null && last.isRunning()) {
            log.error("The run of {} is already running (execution {}, started {}); not starting it twice.",
                    run, last.getId(), last.getStartTime());
            exitCode = ExitCodes.ALREADY_RUNNING;
            return;
        }
        if (last != null) {
            log.info("Restarting the {} run of {} from its last commit.", last.getStatus(), run);
        }
        try {
            exitCode = ExitCodes.of(jobOperator.start(weatherJob, parameters).getStatus());
        }
        catch (JobExecutionException e) {
            log.error("Could not launch the run of {}: {}", run, e.getMessage());
            exitCode = ExitCodes.FAILED;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
