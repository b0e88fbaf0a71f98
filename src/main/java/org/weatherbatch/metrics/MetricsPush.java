package org.weatherbatch.metrics;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a run's metrics to a Prometheus Pushgateway when it ends, grouped by job, input
 * and date: another input's or another night's push, or a later launch that runs nothing,
 * leaves a night's metrics be. Adds to the group (POST), so that a metric a push does not
 * carry (the last success, after a failed rerun) keeps the value an earlier push gave it.
 * Besides the run's own, only the job's weather_* meters go, unless weather.metrics.push-all.
 */
public class MetricsPush {

    private static final Logger log = LoggerFactory.getLogger(MetricsPush.class);

    public static final String JOB = "weather-batch";

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final URI pushgateway;

    private final PrometheusMeterRegistry process;

    private final boolean pushAll;

    /**
     * @param pushgateway where to push; null for nowhere
     * @param process the process's meters (the fetches' latencies, retries…); null when there are none
     */
    public MetricsPush(URI pushgateway, PrometheusMeterRegistry process, boolean pushAll) {
        this.pushgateway = pushgateway;
        this.process = process;
        this.pushAll = pushAll;
    }

    public boolean enabled() {
        return pushgateway != null;
    }

    /** Pushes the run's metrics, and the process's; a Pushgateway out of reach is a warning, not a failed run. */
    public void push(String input, LocalDate date, PrometheusMeterRegistry run) {
        PrometheusRegistry pushed = new PrometheusRegistry();
        pushed.register(() -> run.getPrometheusRegistry().scrape());
        if (process != null) {
            pushed.register(() -> process.getPrometheusRegistry().scrape(name -> pushAll || name.startsWith("weather_")));
        }
        PushGateway gateway = PushGateway.builder()
                .scheme("https".equals(pushgateway.getScheme()) ? Scheme.HTTPS : Scheme.HTTP)
                .address(pushgateway.getAuthority())
                .job(JOB)
                .groupingKey("input", input)
                .groupingKey("date", date.toString())
                .registry(pushed)
                .connectionTimeout(PATIENCE)
                .readTimeout(PATIENCE)
                .build();
        try {
            gateway.pushAdd();
            log.info("Pushed the run's metrics to {}", pushgateway);
        }
        catch (IOException | RuntimeException e) {
            log.warn("Could not push the run's metrics to {}: {}", pushgateway, e.getMessage());
        }
    }
}
