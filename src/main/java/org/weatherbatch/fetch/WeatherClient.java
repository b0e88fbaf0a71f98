package org.weatherbatch.fetch;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.BlockingBucket;

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
 */
public class WeatherClient {

    private static final int MAX_DETAIL = 200;

    private final HttpClient http;

    private final WeatherProvider provider;

    private final WeatherProperties.Api api;

    private final BlockingBucket rateLimiter;

    private final JsonMapper json;

    private final Redactor redactor;

    private final Duration deadline;

    private final AtomicLong requestsSent = new AtomicLong();

    private final FetchMetrics metrics;

    public WeatherClient(WeatherProvider provider, WeatherProperties.Api api, RateLimits limits, JsonMapper json,
            FetchMetrics metrics) {
        this.provider = provider;
        this.metrics = metrics;
        this.api = api;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(api.connectTimeout())
                .build();
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
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(api.readTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<String>> exchange = null;
        long sent = 0;
        try {
            if (rateLimiter != null) {
                rateLimiter.consume(1);
            }
            requestsSent.incrementAndGet();
            sent = System.nanoTime();
            exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            // The request timeout covers the wait for the headers only; this deadline also
            // covers a body that trickles in, so a hung server can never hold a worker.
            HttpResponse<String> response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            metrics.request(since(sent), response.statusCode() / 100 + "xx");
            return classify(response);
        }
        catch (TimeoutException e) {
            exchange.cancel(true);
            metrics.request(since(sent), "timeout");
            return new Attempt.Transient(FailureReason.TIMEOUT, "no answer within " + api.readTimeout());
        }
        catch (ExecutionException e) {
            metrics.request(since(sent), "error");
            return failed(e.getCause());
        }
        catch (InterruptedException | CancellationException stopping) {
            // only a stop interrupts a worker: abandon the request, its item is not written
            if (exchange != null) {
                exchange.cancel(true);
            }
            throw new RunStop.RunStoppedException();
        }
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private Attempt failed(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new Attempt.Transient(FailureReason.CONNECTION_ERROR, "no connection within " + api.connectTimeout());
        }
        if (cause instanceof HttpTimeoutException) {
            return new Attempt.Transient(FailureReason.TIMEOUT, "no answer within " + api.readTimeout());
        }
        return new Attempt.Transient(FailureReason.CONNECTION_ERROR, describe(cause));
    }

    private Attempt classify(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status == 200) {
            return body.isObject() ? new Attempt.Answered(Instant.now(), body)
                    : new Attempt.Transient(FailureReason.BAD_RESPONSE, "HTTP 200 with a body that is not a JSON object");
        }
        String detail = "HTTP " + status + explanation(body, response.body());
        if (status == 401 || status == 403) {
            return new Attempt.KeyRejected(detail);
        }
        if (status == 404) {
            return new Attempt.Refused(FailureReason.NOT_FOUND, detail);
        }
        if (status == 429) {
            Duration retryAfter = retryAfter(response);
            return new Attempt.Throttled(retryAfter != null ? retryAfter : provider.requestedPause(body), detail);
        }
        if (status >= 400 && status < 500) {
            return new Attempt.Refused(FailureReason.REJECTED, detail);
        }
        return new Attempt.Transient(FailureReason.SERVER_ERROR, detail);
    }

    /** The body as JSON; a missing node when it is not JSON. */
    private JsonNode parse(String body) {
        try {
            JsonNode parsed = body == null || body.isBlank() ? null : json.readTree(body);
            return parsed == null ? MissingNode.getInstance() : parsed;
        }
        catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
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
        }).orElse(null);
    }

    /** The provider's own explanation of an error, or else the start of the body. */
    private String explanation(JsonNode error, String body) {
        String explanation = provider.explanation(error);
        String text = explanation.isEmpty() ? (body == null ? "" : body.strip()) : explanation.strip();
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
