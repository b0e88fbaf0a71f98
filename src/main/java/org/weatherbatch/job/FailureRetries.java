package org.weatherbatch.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.weatherbatch.config.WeatherProperties.Units;
import org.weatherbatch.history.RunHistory;
import org.weatherbatch.output.FailureReason;
import org.weatherbatch.output.FailuresFileReader;
import org.weatherbatch.output.OutputFiles;
import org.weatherbatch.report.NightReports;
import org.weatherbatch.summary.NightRetries;
import org.weatherbatch.summary.RunSummaryListener;

/**
 * The {@code retry-failures} command: fetches again the zipcodes of a completed night that
 * failed for a passing reason, as a run of the retry job, whose merge adds them to the night's
 * own files. The same command restarts a retry that failed or stopped from its last commit;
 * once one has completed, it starts the next retry of what still fails. Under the night's
 * lease: never beside the night's own run or another retry of it.
 */
class FailureRetries {

    private static final Logger log = LoggerFactory.getLogger(FailureRetries.class);

    private final JobRepository jobRepository;

    private final Job retryJob;

    private final RunStarter starter;

    private final NightRetries retries;

    private final Units units;

    FailureRetries(JobRepository jobRepository, Job retryJob, RunStarter starter, NightRetries retries, Units units) {
        this.jobRepository = jobRepository;
        this.retryJob = retryJob;
        this.starter = starter;
        this.retries = retries;
        this.units = units;
    }

    /** Retries the failures of the night of that execution: a night's, or a retry's of it. */
    int retry(long executionId) {
        JobExecution given = RunHistory.find(jobRepository, executionId).orElse(null);
        if (given == null) {
            log.error("No execution {} in the job repository (see the history command).", executionId);
            return ExitCodes.FAILED;
        }
        JobExecution ofNight = NightRetries.nightOf(given).map(jobRepository::getJobExecution).orElse(given);
        JobParameters night = ofNight.getJobParameters();
        try (RunLogContext.Scope named = RunLogContext.of(RunParameters.input(night), RunParameters.date(night))) {
            return starter.holdingLease(RunParameters.name(night),
                    () -> retryLocked(jobRepository.getLastJobExecution(ofNight.getJobInstance())));
        }
    }

    /** The execution whose exit status is the night's verdict now: its latest completed retry's, else its own. */
    JobExecution verdict(JobExecution night) {
        List<JobExecution> completed = retries.of(night.getId()).stream()
                .filter(retry -> retry.getStatus() == BatchStatus.COMPLETED)
                .toList();
        return completed.isEmpty() ? night : completed.get(completed.size() - 1);
    }

    private int retryLocked(JobExecution night) {
        String run = "run of " + RunParameters.name(night.getJobParameters());
        List<JobExecution> earlier = retries.of(night.getId());
        JobExecution last = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        boolean resuming = last != null && UnfinishedNights.unfinished(last);
        OutputFiles outputs = OutputFiles.at(night.getJobParameters().getString(OutputFiles.PARAMETER));
        String refusal = refusal(night, resuming ? List.of() : List.of(outputs.jsonLines(), outputs.csv(),
                outputs.failures()));
        if (refusal != null) {
            log.error("Not retrying the failures of execution {} (the {}): {}", night.getId(), run, refusal);
            return ExitCodes.FAILED;
        }
        if (resuming) {
            return starter.resume(last, name(NightRetries.number(last), night, run));
        }
        Map<String, Long> worthRetrying = new TreeMap<>();
        Map<String, Long> kept = new TreeMap<>();
        FailuresFileReader.reasons(outputs.failures()).forEach((reason, count) ->
                (reason.retryable() ? worthRetrying : kept).put(reason.code(), count));
        if (worthRetrying.isEmpty()) {
            log.info("Nothing to retry: none of the failures of the {} (execution {}) is worth fetching again{}.",
                    run, night.getId(), RunSummaryListener.byReason(kept));
            return ExitCodes.of(verdict(night));
        }
        long number = last == null ? 1 : NightRetries.number(last) + 1;
        log.info("Fetching again the zipcodes of the {} that failed for a passing reason{}, and merging them into "
                + "its files (retry-failures {} of execution {}; kept as they were{}).", run,
                RunSummaryListener.byReason(worthRetrying), number, night.getId(),
                kept.isEmpty() ? ": none" : RunSummaryListener.byReason(kept));
        JobParameters parameters = new JobParametersBuilder(NightRetries.identity(night.getId(), number))
                .addString(RunParameters.INPUT, night.getJobParameters().getString(RunParameters.INPUT), false)
                .addLocalDate(RunParameters.DATE, RunParameters.date(night.getJobParameters()), false)
                .addString(OutputFiles.PARAMETER, outputs.prefix(), false)
                .toJobParameters();
        return starter.start(retryJob, parameters, name(number, night, run));
    }

    /**
     * Why the night's failures cannot be retried into its files now; null when they can.
     *
     * @param toRead the night's files that a new retry reads (its stage, and its merge adds to them)
     */
    private String refusal(JobExecution night, List<Path> toRead) {
        if (night.getStatus() != BatchStatus.COMPLETED) {
            return "it is " + night.getStatus() + ", and retry-failures retries a completed night; " + switch (
                    night.getStatus()) {
                case FAILED, STOPPED -> "finish it first: restart " + night.getId();
                case ABANDONED -> "start the night again with --weather.rerun=true";
                default -> "it is running, or was left by a process that is gone: restart " + night.getId()
                        + " recovers it";
            };
        }
        JobExecution latest = RunParameters.latestOfNight(jobRepository, RunParameters.input(night.getJobParameters()),
                RunParameters.date(night.getJobParameters()));
        if (latest.getId() != night.getId()) {
            return "the night was started again since (--weather.rerun), and its files are execution "
                    + latest.getId() + "'s now";
        }
        Units nightUnits = NightReports.unitsOf(night);
        if (nightUnits != units) {
            return "the night was fetched in " + nightUnits.name().toLowerCase() + " units and this launch asks for "
                    + units.name().toLowerCase() + ": give --weather.units=" + nightUnits.name().toLowerCase()
                    + " so that its files keep one unit";
        }
        return toRead.stream().filter(file -> !Files.isRegularFile(file)).findFirst()
                .map(file -> "its file " + file + " is gone: restore it, or start the night again with --weather.rerun")
                .orElse(null);
    }

    private static String name(long number, JobExecution night, String run) {
        return "retry-failures " + number + " of execution " + night.getId() + " (the " + run + ")";
    }
}
