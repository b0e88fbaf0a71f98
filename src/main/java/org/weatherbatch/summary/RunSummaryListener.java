package org.weatherbatch.summary;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.weatherbatch.config.Durations;
import org.weatherbatch.fetch.WeatherClient;
import org.weatherbatch.input.NoZipcodesException;
import org.weatherbatch.input.RetryStagingWriter;
import org.weatherbatch.input.ZipcodeLine.Kind;
import org.weatherbatch.output.OutputFiles;

/**
 * Ends every run with a short summary on the log: lines read, zipcodes fetched and
 * failed (by reason), duration and request rate. The counts come from the steps'
 * committed tallies, so after a restart they cover the whole run, not only the last part. A
 * retry of a night's failures tells what became of them and the night's counts after it, which
 * its verdict is on.
 */
public class RunSummaryListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunSummaryListener.class);

    /**
     * The exit status of a completed run whose zipcodes failed too often, kept with the run: its
     * verdict stands whenever it is launched again.
     */
    public static final String POOR = "POOR";

    /** The summary's figures are fields of structured log lines too, beside the run's identity (RunLogContext). */
    private static final String FIELD = "weather.";

    private final WeatherClient weatherClient;

    private final NightRetries retries;

    private final List<String> fetchPhase;

    private final double maxFailureRatio;

    private long requestsAtStart;

    /** @param fetchPhase the steps whose time the summary gives as the fetch step's: fetch and merge */
    public RunSummaryListener(WeatherClient weatherClient, NightRetries retries, List<String> fetchPhase,
            double maxFailureRatio) {
        this.weatherClient = weatherClient;
        this.retries = retries;
        this.fetchPhase = fetchPhase;
        this.maxFailureRatio = maxFailureRatio;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        requestsAtStart = weatherClient.requestsSent();
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        RunCounts counts = retries.counts(jobExecution);
        Optional<Long> night = NightRetries.nightOf(jobExecution);
        Duration duration = Duration.between(jobExecution.getStartTime(), LocalDateTime.now());
        long requests = weatherClient.requestsSent() - requestsAtStart;
        double seconds = Math.max(duration.toMillis(), 1) / 1000.0;
        double fetchSeconds = jobExecution.getStepExecutions().stream()
                .filter(step -> fetchPhase.contains(step.getStepName()) && step.getStartTime() != null)
                .mapToDouble(step -> Duration.between(step.getStartTime(),
                        step.getEndTime() != null ? step.getEndTime() : LocalDateTime.now()).toNanos() / 1e9)
                .sum();

        String input = jobExecution.getJobParameters().getString("input");
        LocalDate date = jobExecution.getJobParameters().getLocalDate("date");
        OutputFiles outputs = OutputFiles.at(jobExecution.getJobParameters().getString(OutputFiles.PARAMETER));

        log.atInfo().setMessage("Run {} of {} for {}{}: {} in {}").addArgument(jobExecution.getId())
                .addArgument(input).addArgument(date)
                .addArgument(night.map(id -> " (retry-failures " + NightRetries.number(jobExecution)
                        + " of execution " + id + ")").orElse(""))
                .addArgument(jobExecution.getStatus()).addArgument(Durations.readable(duration))
                .addKeyValue(FIELD + "status", jobExecution.getStatus())
                .addKeyValue(FIELD + "duration_seconds", seconds).log();
        if (night.isPresent()) {
            Map<String, Long> retried = counts.lines(RetryStagingWriter.RETRIED);
            Map<String, Long> kept = counts.lines(RetryStagingWriter.KEPT);
            log.info("  the night's failures: {} fetched again{}, {} kept as they were{}", total(retried),
                    byReason(retried), total(kept), byReason(kept));
        }
        else {
            logLines(counts);
        }
        LoggingEventBuilder fetched = log.atInfo().setMessage("  fetched: {}, failed: {}{}")
                .addArgument(counts.fetched()).addArgument(counts.failed()).addArgument(byReason(counts.failures()))
                .addKeyValue(FIELD + "fetched", counts.fetched()).addKeyValue(FIELD + "failed", counts.failed());
        counts.failures().forEach((reason, count) -> fetched.addKeyValue(FIELD + "failures." + reason, count));
        fetched.log();
        log.atInfo().setMessage("  fetch step: {} requests in {} s ({}/s)").addArgument(requests)
                .addArgument(String.format("%.3f", fetchSeconds))
                .addArgument(String.format("%.1f", requests / Math.max(fetchSeconds, 0.001)))
                .addKeyValue(FIELD + "requests", requests).addKeyValue(FIELD + "fetch_seconds", fetchSeconds).log();
        log.info("  outputs: {}, {}, {}", outputs.jsonLines(), outputs.csv(), outputs.failures());
        RunCounts nightCounts = night.isPresent() ? retries.nightCounts(jobExecution) : counts;
        if (night.isPresent() && jobExecution.getStatus() == BatchStatus.COMPLETED) {
            log.info("  the night's files now: fetched {}, failed {}{}", nightCounts.fetched(), nightCounts.failed(),
                    byReason(nightCounts.failures()));
        }
        if (jobExecution.getStatus() == BatchStatus.COMPLETED && nightCounts.failedMoreThan(maxFailureRatio)) {
            String poor = "%d of %d zipcodes failed, more than weather.max-failure-ratio (%s) allows".formatted(
                    nightCounts.failed(), nightCounts.fetched() + nightCounts.failed(), maxFailureRatio);
            jobExecution.setExitStatus(jobExecution.getExitStatus().replaceExitCode(POOR).addExitDescription(poor));
            log.warn("  poor: {}: exit code 5", poor);
        }
        else if (jobExecution.getStatus() == BatchStatus.STOPPED) {
            log.warn("  stopped: rerun the same command to continue from the last commit");
        }
        else if (jobExecution.getStatus() != BatchStatus.COMPLETED) {
            Optional<Throwable> failure = rootFailure(jobExecution);
            failure.ifPresent(cause -> log.atError().setMessage("  failed: {}").addArgument(FailureText.of(cause))
                    .addKeyValue(FIELD + "error", FailureText.causeClass(cause)).log());
            if (!(failure.orElse(null) instanceof NoZipcodesException)) {
                log.error("  rerun the same command to continue from the last commit");
            }
        }
    }

    private static void logLines(RunCounts counts) {
        log.atInfo().setMessage("  lines: {} zipcodes, {} duplicates, {} invalid, {} blank/comment/header")
                .addArgument(counts.lines(Kind.ZIPCODE)).addArgument(counts.lines(Kind.DUPLICATE))
                .addArgument(counts.lines(Kind.INVALID)).addArgument(counts.lines(Kind.IGNORED))
                .addKeyValue(FIELD + "lines.zipcodes", counts.lines(Kind.ZIPCODE))
                .addKeyValue(FIELD + "lines.duplicates", counts.lines(Kind.DUPLICATE))
                .addKeyValue(FIELD + "lines.invalid", counts.lines(Kind.INVALID))
                .addKeyValue(FIELD + "lines.ignored", counts.lines(Kind.IGNORED)).log();
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A partition's failure before its manager's, which only says that one failed. */
    public static Optional<Throwable> rootFailure(JobExecution jobExecution) {
        return jobExecution.getStepExecutions().stream()
                .filter(FetchPartitions::isPartition)
                .flatMap(step -> step.getFailureExceptions().stream())
                .findFirst()
                .or(() -> jobExecution.getAllFailureExceptions().stream().findFirst());
    }

    /** Failures by reason, e.g. " (not-found 2, timeout 1)"; nothing when there are none. */
    public static String byReason(Map<String, Long> failures) {
        return failures.isEmpty() ? "" : failures.entrySet().stream()
                .map(failure -> failure.getKey() + " " + failure.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
