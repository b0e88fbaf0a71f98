package org.weatherbatch.fetch;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.apache.hc.client5.http.ConnectTimeoutException;

import org.weatherbatch.config.Durations;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.output.FailureReason;
import org.weatherbatch.output.WeatherRow;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * What came of one request, as an {@link Attempt}: the API's answer, read by its status and
 * body, or the failure that took its place. Every text taken from a body or an exception
 * goes through the redactor: either may echo the key.
 */
final class ResponseClassifier {

    private static final int MAX_DETAIL = 200;

    private final WeatherProvider provider;

    private final WeatherProperties.Api api;

    private final JsonMapper json;

    private final Redactor redactor;

    ResponseClassifier(WeatherProvider provider, WeatherProperties.Api api, JsonMapper json) {
        this.provider = provider;
        this.api = api;
        this.json = json;
        this.redactor = api.hasKey() ? Redactor.of(api.key()) : Redactor.none();
    }

    Attempt.Transient failed(IOException cause) {
        if (cause instanceof ConnectTimeoutException) {
            return new Attempt.Transient(FailureReason.CONNECTION_ERROR, "no connection within " + api.connectTimeout());
        }
        if (cause instanceof SocketTimeoutException) {
            return timedOut();
        }
        return new Attempt.Transient(FailureReason.CONNECTION_ERROR, describe(cause));
    }

    Attempt.Transient timedOut() {
        return new Attempt.Transient(FailureReason.TIMEOUT, "no answer within " + Durations.readable(api.readTimeout()));
    }

    Attempt answered(Reply reply) {
        int status = reply.status();
        // any answer may echo the key, a 200 too, whose text is written out as received
        String text = redactor.redact(reply.text());
        JsonNode body = parse(text);
        if (status == 200) {
            return weather(text, body);
        }
        String detail = "HTTP " + status + explanation(body, text);
        if (status >= 300 && status < 400) {
            // not followed (the request carries the key), and asking again would be redirected again
            return new Attempt.Refused(FailureReason.REJECTED, reply.location() == null ? detail
                    : "HTTP " + status + ": redirected to " + shorten(redactor.redact(reply.location())));
        }
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

    /** A 200 is weather only when it holds a usable row: OpenWeatherMap answers some errors with 200 too. */
    private Attempt weather(String text, JsonNode body) {
        if (!body.isObject()) {
            return badResponse("with a body that is not a JSON object");
        }
        String code = provider.errorCode(body);
        if (!code.isEmpty()) {
            String detail = "HTTP 200 with code " + shorten(redactor.redact(code)) + explanation(body, text);
            // the same answer as a 404, only wrapped in a 200: asking again won't help
            return code.equals("404") ? new Attempt.Refused(FailureReason.NOT_FOUND, detail)
                    : new Attempt.Transient(FailureReason.BAD_RESPONSE, detail);
        }
        Instant at = Instant.now();
        WeatherRow row = provider.row(body);
        Optional<String> flaw = RowCheck.flaw(row, at);
        return flaw.isPresent() ? badResponse(flaw.get()) : new Attempt.Answered(at, row, oneLine(text, body));
    }

    /** A 200 without weather: a retry may get the weather. */
    private Attempt.Transient badResponse(String what) {
        return new Attempt.Transient(FailureReason.BAD_RESPONSE, "HTTP 200 " + shorten(redactor.redact(what)));
    }

    /**
     * The body as one line of JSON: as received when it is one (the usual case; its numbers
     * keep their digits, and writing it out costs no second serialization), else rewritten.
     */
    private String oneLine(String text, JsonNode body) {
        String stripped = text.strip();
        boolean oneLine = stripped.startsWith("{") && stripped.indexOf('\n') < 0 && stripped.indexOf('\r') < 0;
        return oneLine ? stripped : json.writeValueAsString(body);
    }

    /** The body as JSON; a missing node when it is not JSON. */
    private JsonNode parse(String body) {
        try {
            JsonNode parsed = body.isEmpty() ? null : json.readTree(body);
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
