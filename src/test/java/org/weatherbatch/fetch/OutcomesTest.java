package org.weatherbatch.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.config.WeatherProperties.Lookup;
import org.weatherbatch.config.WeatherProperties.Units;
import org.weatherbatch.output.FailureReason;

import tools.jackson.databind.json.JsonMapper;

class OutcomesTest {

    private static final String KEY = "s3cr3t-key";

    private final WeatherProperties.Api api = new WeatherProperties.Api(null, KEY, Lookup.ZIP, Duration.ofSeconds(5),
            Duration.ofSeconds(15), 4, Duration.ofMillis(500), 25, null, null, null, Duration.ofSeconds(60),
            Duration.ofMinutes(10));

    private final Outcomes outcomes = new Outcomes(new OpenWeatherMap(URI.create("http://127.0.0.1:1"), KEY,
            Units.IMPERIAL, Lookup.ZIP, () -> null), api, new JsonMapper());

    @Test
    void anAnswerOnOneLineIsKeptAsReceivedAndAPrettyPrintedOneIsRewrittenOnOne() {
        String oneLine = "{\"name\": \"Allston\", \"main\": {\"temp\": 58.210}}";
        assertThat(answer(200, null, oneLine)).isInstanceOfSatisfying(Attempt.Answered.class,
                answered -> assertThat(answered.json()).isEqualTo(oneLine));
        assertThat(answer(200, null, "{\n  \"name\": \"Allston\"\n}\n")).isInstanceOfSatisfying(Attempt.Answered.class,
                answered -> assertThat(answered.json()).isEqualTo("{\"name\":\"Allston\"}"));
    }

    @Test
    void aTwoHundredThatIsNotAJsonObjectMayPassOnARetry() {
        assertThat(answer(200, null, "<html>busy</html>")).isEqualTo(new Attempt.Transient(FailureReason.BAD_RESPONSE,
                "HTTP 200 with a body that is not a JSON object"));
        assertThat(answer(200, null, "[1, 2]")).isInstanceOf(Attempt.Transient.class);
    }

    @Test
    void aTooManyRequestsWaitsAsLongAsRetryAfterSaysInSecondsOrAsADate() {
        assertThat(((Attempt.Throttled) answer(429, "7", "{}")).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(60)
                .atOffset(ZoneOffset.UTC));
        assertThat(((Attempt.Throttled) answer(429, inAMinute, "{}")).retryAfter())
                .isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
        assertThat(((Attempt.Throttled) answer(429, "soon", "{}")).retryAfter()).as("unreadable: the provider's hint")
                .isNull();
    }

    @Test
    void statusesSayWhetherToRetryAndErrorTextsNeverCarryTheKey() {
        assertThat(answer(401, null, "{\"cod\":401,\"message\":\"Invalid API key " + KEY + "\"}"))
                .isInstanceOfSatisfying(Attempt.KeyRejected.class,
                        rejected -> assertThat(rejected.detail()).startsWith("HTTP 401").doesNotContain(KEY));
        assertThat(answer(404, null, "{\"cod\":\"404\",\"message\":\"city not found\"}"))
                .isEqualTo(new Attempt.Refused(FailureReason.NOT_FOUND, "HTTP 404: city not found"));
        assertThat(answer(503, null, "down for " + KEY)).isInstanceOfSatisfying(Attempt.Transient.class,
                failed -> assertThat(failed.detail()).startsWith("HTTP 503").doesNotContain(KEY));
        assertThat(outcomes.failed(new SocketTimeoutException("Read timed out")))
                .isEqualTo(new Attempt.Transient(FailureReason.TIMEOUT, "no answer within PT15S"));
    }

    private Attempt answer(int status, String retryAfter, String body) {
        return outcomes.answered(new Reply(status, retryAfter, body.getBytes(StandardCharsets.UTF_8)));
    }
}
