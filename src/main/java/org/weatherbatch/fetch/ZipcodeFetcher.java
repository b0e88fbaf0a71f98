package org.weatherbatch.fetch;

import java.net.URI;
import java.util.Optional;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.input.StagedZipcode;
import org.weatherbatch.output.Failure;
import org.weatherbatch.output.FailureReason;
import org.weatherbatch.output.FetchResult;
import org.weatherbatch.output.Weather;

/**
 * Fetches the weather of one zipcode, retrying what may pass. Runs on the fetch
 * executor's threads, for the fetch partitions' AsyncItemProcessor: retries happen here
 * because the step cannot retry an item that is a future. Per-item failures become data
 * (a {@link Failure}); only a failure that dooms every request throws.
 */
public class ZipcodeFetcher implements ItemProcessor<StagedZipcode, FetchResult> {

    private static final Logger log = LoggerFactory.getLogger(ZipcodeFetcher.class);

    private static final double BACKOFF_MULTIPLIER = 2.0;

    private static final double BACKOFF_JITTER = 0.5;

    private final WeatherClient client;

    private final WeatherProvider provider;

    private final RunStop stop;

    private final FetchMetrics metrics;

    private final ApiHealth health;

    private final Throttle throttle;

    private final Retry retry;

    private final int maxAttempts;

    public ZipcodeFetcher(WeatherClient client, WeatherProvider provider, RunStop stop, FetchMetrics metrics,
            WeatherProperties.Api api) {
        this.client = client;
        this.provider = provider;
        this.stop = stop;
        this.metrics = metrics;
        this.health = new ApiHealth(api.failureThreshold());
        this.throttle = new Throttle(api.throttlePause(), api.throttlePatience(), health);
        this.maxAttempts = api.maxAttempts();
        this.retry = Retry.of("weather-api", RetryConfig.<Attempt>custom()
                .maxAttempts(api.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(api.retryBackoff(),
                        BACKOFF_MULTIPLIER, BACKOFF_JITTER))
                .retryOnResult(attempt -> attempt instanceof Attempt.Transient)
                .retryOnException(exception -> false)
                .build());
        retry.getEventPublisher().onRetry(event -> metrics.retried());
    }

    /**
     * Throws JobInterruptedException once the run is stopping, whatever the fetch ended with
     * (an aborted call looks like a connection error): Spring Batch then rolls the chunk back
     * and ends the step STOPPED, and the zipcode is fetched again by the restart.
     */
    @Override
    public FetchResult process(StagedZipcode zipcode) throws JobInterruptedException {
        stop.enter();
        try {
            FetchResult result = fetch(zipcode);
            if (!stop.raised()) {
                return result;
            }
        }
        catch (RuntimeException failure) {
            if (!stop.raised()) {
                throw failure;
            }
        }
        finally {
            stop.exit();
        }
        throw new JobInterruptedException("Stopped before zipcode " + zipcode.zip() + " was fetched");
    }

    private FetchResult fetch(StagedZipcode zipcode) {
        Optional<URI> uri = provider.uri(zipcode.zip());
        if (uri.isEmpty()) {
            return new Failure(zipcode.zip(), zipcode.lineNumber(), FailureReason.NO_COORDINATES,
                    "not in the bundled zipcode table (PO-box-only zipcodes have no area)");
        }
        Attempt attempt = retry.executeSupplier(() -> attempt(uri.get()));
        if (attempt instanceof Attempt.Answered answered) {
            return new Weather(zipcode.zip(), provider.id(), answered.at(), answered.json(), answered.row());
        }
        Failure failure = attempt instanceof Attempt.Refused refused
                ? new Failure(zipcode.zip(), zipcode.lineNumber(), refused.reason(), refused.detail())
                : failedAfterRetries(zipcode, (Attempt.Transient) attempt);
        log.debug("Zipcode {} failed: {} ({})", zipcode.zip(), failure.reason().code(), failure.detail());
        return failure;
    }

    /** One attempt in the sense of weather.api.max-attempts: requests answered 429 don't count. */
    private Attempt attempt(URI uri) {
        while (true) {
            if (stop.raised()) {
                throw new RunStop.RunStoppedException();
            }
            health.ensureUp();
            throttle.awaitClearance();
            Attempt attempt = client.fetch(uri);
            health.record(attempt);
            if (attempt instanceof Attempt.Throttled throttled) {
                metrics.throttled();
                throttle.throttled(throttled);
                continue;
            }
            throttle.answered();
            if (attempt instanceof Attempt.KeyRejected) {
                health.ensureUp();
            }
            return attempt;
        }
    }

    private Failure failedAfterRetries(StagedZipcode zipcode, Attempt.Transient last) {
        return new Failure(zipcode.zip(), zipcode.lineNumber(), last.reason(),
                last.detail() + " (after " + maxAttempts + " attempts)");
    }
}
