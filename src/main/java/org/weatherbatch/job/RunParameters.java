package org.weatherbatch.job;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.weatherbatch.input.InputFingerprint;
import org.weatherbatch.output.OutputFiles;

/**
 * A run's job parameters: its identity (the input file, the date, and which run of that night
 * it is: 0, or more after {@code --weather.rerun}), and what its first launch fixed for every
 * execution: the input's fingerprint and where its outputs go.
 */
final class RunParameters {

    static final String INPUT = "input";

    static final String DATE = "date";

    static final String RERUN = "rerun";

    private static final String INPUT_SIZE = "input.size";

    private static final String INPUT_SHA256 = "input.sha256";

    private RunParameters() {
    }

    static JobParameters identity(Path input, LocalDate date, long rerun) {
        return new JobParametersBuilder()
                .addString(INPUT, inputName(input))
                .addLocalDate(DATE, date)
                .addLong(RERUN, rerun)
                .toJobParameters();
    }

    /** The last execution of the night's latest run (the highest rerun); null when the night never ran. */
    static JobExecution latestOfNight(JobRepository jobRepository, Path input, LocalDate date) {
        JobExecution latest = null;
        for (long rerun = 0;; rerun++) {
            JobExecution last = jobRepository.getLastJobExecution(WeatherJobConfiguration.JOB_NAME,
                    identity(input, date, rerun));
            if (last == null) {
                return latest;
            }
            latest = last;
        }
    }

    /** The input as the run's identity names it, however it was given. */
    static String inputName(Path input) {
        return input.toAbsolutePath().normalize().toString();
    }

    static JobParameters firstLaunch(JobParameters identity, InputFingerprint input, String outputs) {
        return new JobParametersBuilder(identity)
                .addLong(INPUT_SIZE, input.size(), false)
                .addString(INPUT_SHA256, input.sha256(), false)
                .addString(OutputFiles.PARAMETER, outputs, false)
                .toJobParameters();
    }

    static InputFingerprint fingerprint(JobParameters parameters) {
        return new InputFingerprint(parameters.getLong(INPUT_SIZE), parameters.getString(INPUT_SHA256));
    }

    static Path input(JobParameters parameters) {
        return Path.of(parameters.getString(INPUT));
    }

    static LocalDate date(JobParameters parameters) {
        return parameters.getLocalDate(DATE);
    }

    static long rerun(JobParameters parameters) {
        return parameters.getLong(RERUN);
    }

    /** The run as logs name it, and as its lease is named: input and date (reruns of a night share them). */
    static String name(JobParameters parameters) {
        return parameters.getString(INPUT) + " for " + parameters.getLocalDate(DATE);
    }
}
