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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.Bucket;

import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.output.FailureReason;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one request for the current weather at a zipcode and says what came of it.
 * The request URL carries the key, so nothing here ever logs or reports the URL, and
 * every message taken from an exception or a response goes through the redactor.
 */
public class WeatherClient {

    private static final int MAX_DETAIL = 200;

    private static final double RATE_HEADROOM = 0.97;

    private final HttpClient http;

    private final WeatherProperties.Api api;

    private final String units;

    private final BlockingBucket rateLimiter;

    private final JsonMapper json;

    private final Redactor redactor;

    private final String encodedKey;

    private final Duration deadline;

    private final AtomicLong requestsSent = new AtomicLong();

    public WeatherClient(WeatherProperties properties, JsonMapper json) {
        this.api = properties.api();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(api.connectTimeout())
                .build();
        this.units = properties.units().queryValue();
        this.rateLimiter = rateLimiter(api.requestsPerMinute());
        this.json = json;
        this.encodedKey = URLEncoder.encode(api.key(), StandardCharsets.UTF_8);
        this.redactor = new Redactor(api.key(), encodedKey);
        this.deadline = api.connectTimeout().plus(api.readTimeout());
    }

    /**
     * One limiter shared by all workers: a bucket of one token, refilled continuously, so
     * that any two requests are at least 1/rate apart. No burst at the start of a minute,
     * and any span of time holds at most one request more than the rate allows. It runs 3%
     * under the limit to leave room for network jitter, which bunches requests on the way.
     */
    private static BlockingBucket rateLimiter(int requestsPerMinute) {
        if (requestsPerMinute == 0) {
            return null;
        }
        long spacingNanos = Math.round(Duration.ofMinutes(1).toNanos() / (requestsPerMinute * RATE_HEADROOM));
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofNanos(spacingNanos)))
                .build()
                .asBlocking();
    }

    /** Requests sent since the process started, retries included. */
    public long requestsSent() {
        return requestsSent.get();
    }

    Attempt fetch(String zip) {
        HttpRequest request = HttpRequest.newBuilder(uri(zip))
                .timeout(api.readTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<String>> exchange = null;
        try {
            if (rateLimiter != null) {
                rateLimiter.consume(1);
            }
            requestsSent.incrementAndGet();
            exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            // The request timeout covers the wait for the headers only; this deadline also
            // covers a body that trickles in, so a hung server can never hold a worker.
            return classify(exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        }
        catch (TimeoutException e) {
            exchange.cancel(true);
            return new Attempt.Transient(FailureReason.TIMEOUT, "no answer within " + api.readTimeout());
        }
        catch (ExecutionException e) {
            return failed(e.getCause());
        }
        catch (InterruptedException e) {
            if (exchange != null) {
                exchange.cancel(true);
            }
            Thread.currentThread().interrupt();
            throw new ApiUnavailableException("Interrupted while waiting for the API");
        }
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

    private URI uri(String zip) {
        return URI.create(api.baseUrl() + "/data/2.5/weather?zip=" + zip + ",us&units=" + units
                + "&appid=" + encodedKey);
    }

    private Attempt classify(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 200) {
            return parse(response.body());
        }
        String detail = "HTTP " + status + message(response.body());
        if (status == 401 || status == 403) {
            return new Attempt.KeyRejected(detail);
        }
        if (status == 404) {
            return new Attempt.Refused(FailureReason.NOT_FOUND, detail);
        }
        if (status == 429) {
            return new Attempt.Throttled(retryAfter(response), detail);
        }
        if (status >= 400 && status < 500) {
            return new Attempt.Refused(FailureReason.REJECTED, detail);
        }
        return new Attempt.Transient(FailureReason.SERVER_ERROR, detail);
    }

    private Attempt parse(String body) {
        try {
            JsonNode response = json.readTree(body);
            if (response != null && response.isObject()) {
                return new Attempt.Answered(Instant.now(), response);
            }
        }
        catch (JacksonException e) {
            // handled below: a garbled answer is worth another try
        }
        return new Attempt.Transient(FailureReason.BAD_RESPONSE, "HTTP 200 with a body that is not a JSON object");
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

    /** The API's own explanation: the "message" of its error body, or the start of the body. */
    private String message(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String message;
        try {
            JsonNode error = json.readTree(body);
            message = error.path("message").isValueNode() ? error.path("message").asString() : body;
        }
        catch (JacksonException e) {
            message = body;
        }
        return ": " + shorten(redactor.redact(message.strip()));
    }

    private String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + shorten(redactor.redact(message)));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
