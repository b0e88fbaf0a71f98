package org.weatherbatch.summary;

import java.time.Duration;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.weatherbatch.fetch.WeatherClient;
import org.weatherbatch.input.StagedZipcodes;
import org.weatherbatch.input.ZipcodeLine.Kind;
import org.weatherbatch.output.FetchResultWriter;
import org.weatherbatch.output.OutputFiles;

/**
 * Ends every run with a short summary on the log: lines read, zipcodes fetched and
 * failed (by reason), duration and request rate. The counts come from the steps'
 * committed tallies, so after a restart they cover the whole run, not only the last part.
 * A completed run's staged zipcodes are no longer needed and are deleted.
 */
public class RunSummaryListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunSummaryListener.class);

    private final JobRepository jobRepository;

    private final WeatherClient weatherClient;

    private final StagedZipcodes stagedZipcodes;

    private final Path outputDir;

    private final String stageStep;

    private final String fetchStep;

    private long requestsAtStart;

    public RunSummaryListener(JobRepository jobRepository, WeatherClient weatherClient,
            StagedZipcodes stagedZipcodes, Path outputDir, String stageStep, String fetchStep) {
        this.outputDir = outputDir;
        this.jobRepository = jobRepository;
        this.weatherClient = weatherClient;
        this.stagedZipcodes = stagedZipcodes;
        this.stageStep = stageStep;
        this.fetchStep = fetchStep;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        requestsAtStart = weatherClient.requestsSent();
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        Map<String, Long> lines = tally(jobExecution, stageStep);
        Map<String, Long> results = tally(jobExecution, fetchStep);
        long fetched = results.getOrDefault(FetchResultWriter.FETCHED, 0L);
        Map<String, Long> failures = new TreeMap<>(results);
        failures.remove(FetchResultWriter.FETCHED);
        Duration duration = Duration.between(jobExecution.getStartTime(), LocalDateTime.now());
        long requests = weatherClient.requestsSent() - requestsAtStart;
        double seconds = Math.max(duration.toMillis(), 1) / 1000.0;

        String input = jobExecution.getJobParameters().getString("input");
        LocalDate date = jobExecution.getJobParameters().getLocalDate("date");
        OutputFiles outputs = OutputFiles.of(outputDir, Path.of(input), date);

        log.info("Run {} of {} for {}: {} in {}", jobExecution.getId(), input, date, jobExecution.getStatus(),
                String.format("%.1f s", seconds));
        log.info("  lines: {} zipcodes, {} duplicates, {} invalid, {} blank/comment/header",
                count(lines, Kind.ZIPCODE), count(lines, Kind.DUPLICATE), count(lines, Kind.INVALID),
                count(lines, Kind.IGNORED));
        log.info("  fetched: {}, failed: {}{}", fetched, failures.values().stream().mapToLong(Long::longValue).sum(),
                failures.isEmpty() ? "" : failures.entrySet().stream()
                        .map(failure -> failure.getKey() + " " + failure.getValue())
                        .collect(Collectors.joining(", ", " (", ")")));
        log.info("  requests this execution: {} ({}/s)", requests, String.format("%.1f", requests / seconds));
        log.info("  outputs: {}, {}, {}", outputs.jsonLines(), outputs.csv(), outputs.failures());
        if (jobExecution.getStatus() == BatchStatus.COMPLETED) {
            stagedZipcodes.delete(jobExecution.getJobInstance().getInstanceId());
        }
        else {
            jobExecution.getAllFailureExceptions().stream().findFirst().ifPresent(failure -> log.error(
                    "  failed: {}", describe(failure)));
            log.error("  rerun the same command to continue from the last commit");
        }
    }

    /** The messages along the cause chain: the path of a file, then why it could not be written. */
    private static String describe(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !messages.contains(cause.getMessage())) {
                messages.add(cause.getMessage());
            }
        }
        return String.join(": ", messages);
    }

    private static long count(Map<String, Long> lines, Kind kind) {
        return lines.getOrDefault(kind.name(), 0L);
    }

    /** The committed tally of the step's latest execution in this run, restarts included. */
    private Map<String, Long> tally(JobExecution jobExecution, String stepName) {
        StepExecution step = jobRepository.getLastStepExecution(jobExecution.getJobInstance(), stepName);
        return Tally.read(step == null ? new ExecutionContext() : step.getExecutionContext());
    }
}
