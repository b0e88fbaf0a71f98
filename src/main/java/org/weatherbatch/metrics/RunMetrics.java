package org.weatherbatch.metrics;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.weatherbatch.fetch.FetchMetrics;
import org.weatherbatch.fetch.WeatherClient;
import org.weatherbatch.output.FailureReason;
import org.weatherbatch.summary.FailureText;
import org.weatherbatch.summary.NightRetries;
import org.weatherbatch.summary.RunCounts;
import org.weatherbatch.summary.RunSummaryListener;

/**
 * A run's metrics when it ends, pushed to the Pushgateway (see {@link MetricsPush}): its
 * status (a series per status, 1 for the run's, its error label naming the failure's class),
 * the time of its success, zipcodes fetched and failed by reason (zeros included, so that
 * alerts can compare), the earlier nights of its input left unfinished, and this execution's
 * duration, requests and 429s. A retry of a night's failures pushes to its night's group, the
 * night's counts as the retry left them.
 */
public class RunMetrics implements JobExecutionListener {

    private static final List<BatchStatus> ENDS = List.of(BatchStatus.COMPLETED, BatchStatus.FAILED,
            BatchStatus.STOPPED, BatchStatus.ABANDONED, BatchStatus.UNKNOWN);

    private static final String NO_ERROR = "none";

    private final WeatherClient weatherClient;

    private final FetchMetrics fetchMetrics;

    private final NightRetries retries;

    private final MetricsPush push;

    private final ToIntFunction<JobParameters> unfinishedBefore;

    private long requestsAtStart;

    private long throttledAtStart;

    public RunMetrics(WeatherClient weatherClient, FetchMetrics fetchMetrics, NightRetries retries,
            MetricsPush push, ToIntFunction<JobParameters> unfinishedBefore) {
        this.weatherClient = weatherClient;
        this.fetchMetrics = fetchMetrics;
        this.retries = retries;
        this.push = push;
        this.unfinishedBefore = unfinishedBefore;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        requestsAtStart = weatherClient.requestsSent();
        throttledAtStart = fetchMetrics.throttledRequests();
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        if (!push.enabled()) {
            return;
        }
        PrometheusMeterRegistry run = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            record(jobExecution, run);
            push.push(jobExecution.getJobParameters().getString("input"),
                    jobExecution.getJobParameters().getLocalDate("date"), run);
        }
        finally {
            run.close();
        }
    }

    private void record(JobExecution jobExecution, PrometheusMeterRegistry run) {
        BatchStatus status = jobExecution.getStatus();
        String error = status == BatchStatus.FAILED ? RunSummaryListener.rootFailure(jobExecution)
                .map(FailureText::causeClass).orElse("unknown") : NO_ERROR;
        for (BatchStatus end : ENDS) {
            gauge("weather.run.status", "The run's status: 1 for its own, 0 for the others",
                    () -> end == status ? 1 : 0).tag("status", end.name())
                    .tag("error", end == status ? error : NO_ERROR).register(run);
        }
        if (status == BatchStatus.COMPLETED) {
            double now = System.currentTimeMillis() / 1000.0;
            gauge("weather.last.success.timestamp", "When the night's run completed (Unix time)", () -> now)
                    .baseUnit("seconds").register(run);
        }
        RunCounts counts = retries.nightCounts(jobExecution); // a retry's group is its night's
        gauge("weather.run.zipcodes.fetched", "Zipcodes fetched by the run, its restarts included",
                counts::fetched).register(run);
        for (FailureReason reason : EnumSet.complementOf(EnumSet.of(FailureReason.INVALID_LINE))) {
            gauge("weather.run.zipcodes.failed", "Zipcodes that failed, by reason, restarts included",
                    () -> counts.failures().getOrDefault(reason.code(), 0L)).tag("reason", reason.code()).register(run);
        }
        int unfinished = unfinishedBefore.applyAsInt(jobExecution.getJobParameters());
        gauge("weather.unfinished.nights", "Earlier nights of the input left unfinished (failed, stopped, killed)",
                () -> unfinished).register(run);
        Duration duration = Duration.between(jobExecution.getStartTime(), LocalDateTime.now());
        gauge("weather.run.duration", "How long this execution of the run took",
                () -> duration.toMillis() / 1000.0).baseUnit("seconds").register(run);
        long requests = weatherClient.requestsSent() - requestsAtStart;
        gauge("weather.run.requests", "Requests this execution sent", () -> requests).register(run);
        long throttled = fetchMetrics.throttledRequests() - throttledAtStart;
        gauge("weather.run.throttled", "Requests of this execution answered 429 Too Many Requests",
                () -> throttled).register(run);
    }

    private static Gauge.Builder<Supplier<Number>> gauge(String name, String description, Supplier<Number> value) {
        return Gauge.builder(name, value).description(description);
    }
}
