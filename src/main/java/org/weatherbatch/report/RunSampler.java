package org.weatherbatch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.weatherbatch.fetch.FetchMetrics;

/**
 * Samples the fetching once a second while an execution runs (a few numbers, whatever the
 * request rate) and keeps the samples with the execution, ten seconds' worth at a time.
 * Seconds in which nothing happened are not kept: the report reads them as zeros.
 */
public class RunSampler {

    private static final Logger log = LoggerFactory.getLogger(RunSampler.class);

    static final long INTERVAL_MS = 1000;

    private static final int SAMPLES_PER_WRITE = 10;

    private final FetchMetrics metrics;

    private final SampleStore store;

    private final LongSupplier clock;

    private final List<Sample> unsaved = new ArrayList<>();

    private ScheduledExecutorService ticker;

    private long executionId;

    private FetchMetrics.Reading last;

    public RunSampler(FetchMetrics metrics, SampleStore store, LongSupplier clock) {
        this.metrics = metrics;
        this.store = store;
        this.clock = clock;
    }

    public synchronized void start(long executionId) {
        this.executionId = executionId;
        this.last = metrics.read();
        unsaved.clear();
        ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "report-sampler");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::sample, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** Takes the last sample and keeps whatever is not kept yet. */
    public synchronized void stop() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        ticker = null;
        take();
        save();
    }

    private synchronized void sample() {
        try {
            take();
            if (unsaved.size() >= SAMPLES_PER_WRITE) {
                save();
            }
        }
        catch (RuntimeException e) {
            // the run goes on without its chart rather than fail for it
            log.warn("Could not keep the run's samples for its report: {}", e.toString());
            unsaved.clear();
        }
    }

    private void take() {
        FetchMetrics.Reading now = metrics.read();
        Sample sample = between(last, now, clock.getAsLong());
        last = now;
        if (!sample.idle()) {
            unsaved.add(sample);
        }
    }

    private void save() {
        if (!unsaved.isEmpty()) {
            store.save(executionId, List.copyOf(unsaved));
            unsaved.clear();
        }
    }

    /** The sample of what happened from one reading to the next; the latter's latencies are those in between. */
    static Sample between(FetchMetrics.Reading before, FetchMetrics.Reading after, long at) {
        Histogram latencies = after.latencies();
        boolean answered = latencies.getTotalCount() > 0;
        return new Sample(at, (int) latencies.getTotalCount(), (int) (after.fetched() - before.fetched()),
                (int) (after.failed() - before.failed()), (int) (after.throttled() - before.throttled()),
                (int) (after.retries() - before.retries()),
                answered ? percentileMs(latencies, 50) : null, answered ? percentileMs(latencies, 90) : null,
                answered ? percentileMs(latencies, 99) : null);
    }

    private static double percentileMs(Histogram latencies, double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }
}
