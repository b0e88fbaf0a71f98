package org.weatherbatch.fetch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import org.weatherbatch.output.FetchResultWriter;

/**
 * What the fetching did, as Micrometer metrics (exported to Prometheus, pushed to a
 * Pushgateway when the job ends) and as the live count that progress reports read:
 * zipcodes done by outcome, retries, 429s, and the latency of each request.
 */
public class FetchMetrics {

    private final MeterRegistry registry;

    private final Counter retries;

    private final Counter throttled;

    private final AtomicLong done = new AtomicLong();

    // looked up once per outcome: building and registering a meter on every request cost more than recording
    private final Map<String, Counter> results = new ConcurrentHashMap<>();

    private final Map<String, Timer> requests = new ConcurrentHashMap<>();

    // the run's report samples latency percentiles every second: an HdrHistogram recorder takes them without locks
    private final Recorder latencies = new Recorder(2);

    public FetchMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.retries = Counter.builder("weather.fetch.retries")
                .description("Requests sent again after a timeout, a reset, a 5xx or a garbled answer")
                .register(registry);
        this.throttled = Counter.builder("weather.fetch.throttled")
                .description("Requests answered 429 Too Many Requests")
                .register(registry);
    }

    /** Zipcodes fetched or failed since the process started. */
    public long done() {
        return done.get();
    }

    /** Requests answered 429 since the process started. */
    public long throttledRequests() {
        return (long) throttled.count();
    }

    /** The counts so far, and the latencies of the requests answered since the last reading. */
    public Reading read() {
        Counter fetched = results.get(FetchResultWriter.FETCHED);
        long fetchedCount = fetched == null ? 0 : (long) fetched.count();
        return new Reading(fetchedCount, done.get() - fetchedCount, (long) retries.count(), (long) throttled.count(),
                latencies.getIntervalHistogram());
    }

    /** A chunk's outcomes as it commits, counted once by the writer's tally: rolled-back items never count. */
    public void committed(String outcome, long count) {
        done.addAndGet(count);
        results.computeIfAbsent(outcome, key -> registry.counter("weather.fetch.results", "outcome", key))
                .increment(count);
    }

    void retried() {
        retries.increment();
    }

    void throttled() {
        throttled.increment();
    }

    /** @param outcome the status class of the answer (2xx, 4xx, 5xx) or what happened instead */
    void request(Duration latency, String outcome) {
        requests.computeIfAbsent(outcome, key -> Timer.builder("weather.fetch.requests")
                .description("Requests to the weather API, by outcome")
                .tag("outcome", key)
                .register(registry))
                .record(latency);
        latencies.recordValue(latency.toNanos() / 1000);
    }

    /**
     * @param latencies in microseconds
     */
    public record Reading(long fetched, long failed, long retries, long throttled, Histogram latencies) {
    }
}
