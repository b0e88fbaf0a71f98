package org.weatherbatch.fetch;

import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

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

    private final HttpClient http;

    private final WeatherProperties.Api api;

    private final String units;

    private final RateLimiter rateLimiter;

    private final JsonMapper json;

    private final Redactor redactor;

    private final String encodedKey;

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
    }

    /**
     * One limiter shared by all workers, handing out one permit at a time so that
     * requests are spread evenly over the minute instead of a burst at its start.
     */
    private static RateLimiter rateLimiter(int requestsPerMinute) {
        if (requestsPerMinute == 0) {
            return null;
        }
        return RateLimiter.of("weather-api", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofMinutes(1).dividedBy(requestsPerMinute))
                .timeoutDuration(Duration.ofDays(1))
                .build());
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
        if (rateLimiter != null) {
            RateLimiter.waitForPermission(rateLimiter);
        }
        requestsSent.incrementAndGet();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return classify(response.statusCode(), response.body());
        }
        catch (HttpConnectTimeoutException e) {
            return new Attempt.Transient(FailureReason.CONNECTION_ERROR, "no connection within " + api.connectTimeout());
        }
        catch (HttpTimeoutException e) {
            return new Attempt.Transient(FailureReason.TIMEOUT, "no answer within " + api.readTimeout());
        }
        catch (IOException e) {
            return new Attempt.Transient(FailureReason.CONNECTION_ERROR, describe(e));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnavailableException("Interrupted while waiting for the API");
        }
    }

    private URI uri(String zip) {
        return URI.create(api.baseUrl() + "/data/2.5/weather?zip=" + zip + ",us&units=" + units
                + "&appid=" + encodedKey);
    }

    private Attempt classify(int status, String body) {
        if (status == 200) {
            return parse(body);
        }
        String detail = "HTTP " + status + message(body);
        if (status == 401 || status == 403) {
            return new Attempt.KeyRejected(detail);
        }
        if (status == 404) {
            return new Attempt.Refused(FailureReason.NOT_FOUND, detail);
        }
        if (status == 429) {
            return new Attempt.Transient(FailureReason.THROTTLED, detail);
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

    private String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + shorten(redactor.redact(message)));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
