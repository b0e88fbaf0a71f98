package org.weatherbatch.fetch;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.bucket4j.BlockingBucket;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import org.springframework.util.function.SingletonSupplier;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.output.FailureReason;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one request within the rate limits and says what came of it ({@link ResponseClassifier}).
 * The request URL may carry the key, so nothing here ever logs or reports the URL.
 * <p>
 * Requests block the fetch worker that sends them, one pooled connection each: on a small
 * machine the job is bound by CPU per request, and blocking reads cost half of what the
 * JDK's asynchronous HttpClient spends on selectors and hand-offs (README, Performance).
 */
public class WeatherClient implements AutoCloseable {

    /**
     * Built on another thread from the start: loading the HTTP client took 0.13 s of the
     * time to the first request, and the fetch step needs it only after the staging.
     */
    private final CompletableFuture<CloseableHttpClient> http;

    /** Ends requests that outlive their deadline: a socket timeout can't stop a body that trickles in. */
    private final ScheduledThreadPoolExecutor deadlines;

    private final RunStop stop;

    /** The rate limits' bucket, made at the first request (a shared one's row is written then); null for no limit. */
    private final SingletonSupplier<BlockingBucket> rateLimiter;

    private final ResponseClassifier responses;

    private final Duration deadline;

    private final AtomicLong requestsSent = new AtomicLong();

    private final FetchMetrics metrics;

    /** @param rateLimiter makes the bucket of the rate limits; null for no limit */
    public WeatherClient(WeatherProvider provider, WeatherProperties.Api api, int concurrency,
            Supplier<BlockingBucket> rateLimiter, JsonMapper json, FetchMetrics metrics, RunStop stop) {
        this.metrics = metrics;
        this.stop = stop;
        // the minimal client: plain HTTP/1.1 exchanges over pooled keep-alive connections, with no
        // retries (the fetcher retries, counting attempts and backing off), redirects (one would
        // take the key in the URL to another host), cookies, compression or authentication to go
        // through for every request: 8% less CPU for the job
        this.http = CompletableFuture.supplyAsync(() -> HttpClients.createMinimal(
                PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(concurrency)
                        .setMaxConnPerRoute(concurrency)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(api.connectTimeout()))
                                .setSocketTimeout(Timeout.of(api.readTimeout()))
                                .build())
                        .build()));
        this.deadlines = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "request-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        deadlines.setRemoveOnCancelPolicy(true);
        this.rateLimiter = SingletonSupplier.ofNullable(rateLimiter);
        this.responses = new ResponseClassifier(provider, api, json);
        this.deadline = api.connectTimeout().plus(api.readTimeout());
    }

    /** Requests sent since the process started, retries included. */
    public long requestsSent() {
        return requestsSent.get();
    }

    Attempt fetch(URI uri) {
        HttpGet request = new HttpGet(uri);
        request.setHeader("Accept", "application/json");
        try {
            if (rateLimiter != null) {
                rateLimiter.obtain().consume(1);
            }
        }
        catch (InterruptedException stopping) {
            throw new RunStop.RunStoppedException();
        }
        requestsSent.incrementAndGet();
        AtomicBoolean late = new AtomicBoolean();
        Runnable abort = request::cancel;
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            late.set(true);
            request.cancel();
        }, this.deadline.toMillis(), TimeUnit.MILLISECONDS);
        stop.blockingCall(abort);
        long sent = System.nanoTime();
        try {
            Reply reply = http.join().execute(request, Reply::read);
            metrics.request(since(sent), reply.status() / 100 + "xx");
            return responses.answered(reply);
        }
        catch (IOException e) {
            if (stop.raised()) {
                // abandon the request: its item is not written
                throw new RunStop.RunStoppedException();
            }
            Attempt.Transient failed = late.get() ? responses.timedOut() : responses.failed(e);
            metrics.request(since(sent), failed.reason() == FailureReason.TIMEOUT ? "timeout" : "error");
            return failed;
        }
        finally {
            deadline.cancel(false);
            stop.blockingCallDone(abort);
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.join().close();
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }
}
