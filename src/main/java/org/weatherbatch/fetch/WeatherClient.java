package org.weatherbatch.fetch;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.BlockingBucket;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.output.FailureReason;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Sends one request within the rate limits and says what came of it. The request URL may
 * carry the key, so nothing here ever logs or reports the URL, and every message taken
 * from an exception or a response goes through the redactor.
 * <p>
 * Requests block the fetch worker that sends them, one pooled connection each: on a small
 * machine the job is bound by CPU per request, and blocking reads cost half of what the
 * JDK's asynchronous HttpClient spends on selectors and hand-offs (README, Performance).
 */
public class WeatherClient implements AutoCloseable {

    private static final int MAX_DETAIL = 200;

    /**
     * Built on another thread from the start: loading the HTTP client took 0.13 s of the
     * time to the first request, and the fetch step needs it only after the staging.
     */
    private final CompletableFuture<CloseableHttpClient> http;

    /** Ends requests that outlive their deadline: a socket timeout can't stop a body that trickles in. */
    private final ScheduledThreadPoolExecutor deadlines;

    private final RunStop stop;

    private final WeatherProvider provider;

    private final WeatherProperties.Api api;

    private final BlockingBucket rateLimiter;

    private final JsonMapper json;

    private final Redactor redactor;

    private final Duration deadline;

    private final AtomicLong requestsSent = new AtomicLong();

    private final FetchMetrics metrics;

    public WeatherClient(WeatherProvider provider, WeatherProperties.Api api, int concurrency, RateLimits limits,
            JsonMapper json, FetchMetrics metrics, RunStop stop) {
        this.provider = provider;
        this.metrics = metrics;
        this.api = api;
        this.stop = stop;
        this.http = CompletableFuture.supplyAsync(() -> HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(concurrency)
                        .setMaxConnPerRoute(concurrency)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(api.connectTimeout()))
                                .setSocketTimeout(Timeout.of(api.readTimeout()))
                                .build())
                        .build())
                .disableAutomaticRetries() // the fetcher retries, counting attempts and backing off
                .disableRedirectHandling()
                .disableCookieManagement()
                .build());
        this.deadlines = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "request-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        deadlines.setRemoveOnCancelPolicy(true);
        this.rateLimiter = limits.bucket();
        this.json = json;
        this.redactor = api.hasKey()
                ? new Redactor(api.key(), URLEncoder.encode(api.key(), StandardCharsets.UTF_8)) : new Redactor();
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
                rateLimiter.consume(1);
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
            return classify(reply);
        }
        catch (IOException e) {
            if (stop.raised()) {
                // abandon the request: its item is not written
                throw new RunStop.RunStoppedException();
            }
            Attempt.Transient failed = late.get() ? timedOut() : failed(e);
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

    /** What the API answered, read while the connection is held. */
    private record Reply(int status, String retryAfter, byte[] body) {

        static Reply read(ClassicHttpResponse response) throws IOException {
            Header retryAfter = response.getFirstHeader("Retry-After");
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            return new Reply(response.getCode(), retryAfter == null ? null : retryAfter.getValue(), body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private Attempt.Transient failed(IOException cause) {
        if (cause instanceof ConnectTimeoutException) {
            return new Attempt.Transient(FailureReason.CONNECTION_ERROR, "no connection within " + api.connectTimeout());
        }
        if (cause instanceof SocketTimeoutException) {
            return timedOut();
        }
        return new Attempt.Transient(FailureReason.CONNECTION_ERROR, describe(cause));
    }

    private Attempt.Transient timedOut() {
        return new Attempt.Transient(FailureReason.TIMEOUT, "no answer within " + api.readTimeout());
    }

    private Attempt classify(Reply reply) {
        int status = reply.status();
        JsonNode body = parse(reply.body());
        if (status == 200) {
            return body.isObject() ? new Attempt.Answered(Instant.now(), body, oneLine(reply, body))
                    : new Attempt.Transient(FailureReason.BAD_RESPONSE, "HTTP 200 with a body that is not a JSON object");
        }
        String detail = "HTTP " + status + explanation(body, reply.text());
        if (status == 401 || status == 403) {
            return new Attempt.KeyRejected(detail);
        }
        if (status == 404) {
            return new Attempt.Refused(FailureReason.NOT_FOUND, detail);
        }
        if (status == 429) {
            Duration retryAfter = retryAfter(reply.retryAfter());
            return new Attempt.Throttled(retryAfter != null ? retryAfter : provider.requestedPause(body), detail);
        }
        if (status >= 400 && status < 500) {
            return new Attempt.Refused(FailureReason.REJECTED, detail);
        }
        return new Attempt.Transient(FailureReason.SERVER_ERROR, detail);
    }

    /**
     * The body as one line of JSON: as received when it is one (the usual case; its numbers
     * keep their digits, and writing it out costs no second serialization), else rewritten.
     */
    private String oneLine(Reply reply, JsonNode body) {
        String text = reply.text().strip();
        boolean oneLine = text.startsWith("{") && text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
        return oneLine ? text : json.writeValueAsString(body);
    }

    /** The body as JSON; a missing node when it is not JSON. */
    private JsonNode parse(byte[] body) {
        try {
            JsonNode parsed = body.length == 0 ? null : json.readTree(body);
            return parsed == null ? MissingNode.getInstance() : parsed;
        }
        catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    private static Duration retryAfter(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        }
        catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            }
            catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** The provider's own explanation of an error, or else the start of the body. */
    private String explanation(JsonNode error, String body) {
        String explanation = provider.explanation(error);
        String text = explanation.isEmpty() ? body.strip() : explanation.strip();
        return text.isEmpty() ? "" : ": " + shorten(redactor.redact(text));
    }

    private String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + shorten(redactor.redact(message)));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
