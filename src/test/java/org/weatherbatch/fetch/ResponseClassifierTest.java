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

class ResponseClassifierTest {

    private static final String KEY = "s3cr3t-key";

    private final WeatherProperties.Api api = new WeatherProperties.Api(null, KEY, Lookup.ZIP, Duration.ofSeconds(5),
            Duration.ofSeconds(15), 4, Duration.ofMillis(500), 25, null, null, null, Duration.ofSeconds(60),
            Duration.ofMinutes(10));

    /** The mapper the job reads answers with. */
    private static final JsonMapper JSON = new WeatherProviderConfiguration().weatherJsonMapper();

    private final ResponseClassifier outcomes = new ResponseClassifier(new OpenWeatherMap(URI.create("http://127.0.0.1:1"), KEY,
            Units.IMPERIAL, Lookup.ZIP, () -> null), api, JSON);

    private final ResponseClassifier openMeteo = new ResponseClassifier(new OpenMeteo(URI.create("http://127.0.0.1:1"), Units.IMPERIAL,
            () -> null), api, JSON);

    @Test
    void anAnswerOnOneLineIsKeptAsReceivedAndAPrettyPrintedOneIsRewrittenOnOne() {
        String oneLine = "{\"name\": \"Allston\", \"main\": {\"temp\": 58.210}, \"dt\": 1700000000}";
        assertThat(answer(200, null, oneLine)).isInstanceOfSatisfying(Attempt.Answered.class, answered -> {
            assertThat(answered.json()).isEqualTo(oneLine);
            assertThat(answered.row().temperature()).isEqualTo("58.210");
            assertThat(answered.row().observedAt()).isEqualTo(Instant.ofEpochSecond(1700000000));
        });
        assertThat(answer(200, null, "{\n  \"main\": {\"temp\": 58.2},\n  \"dt\": 1700000000\n}\n"))
                .isInstanceOfSatisfying(Attempt.Answered.class, answered -> assertThat(answered.json())
                        .isEqualTo("{\"main\":{\"temp\":58.2},\"dt\":1700000000}"));
    }

    @Test
    void aTwoHundredWithoutATemperatureAtAPlausibleTimeIsABadResponseThatMayPassOnARetry() {
        assertThat(answer(200, null, "{}")).isEqualTo(badResponse("HTTP 200 without a temperature"));
        assertThat(answer(200, null, "{\"main\":{\"temp\":58.2}}"))
                .isEqualTo(badResponse("HTTP 200 without a readable observation time"));
        assertThat(answer(200, null, "{\"main\":{\"temp\":1e999},\"dt\":1700000000}"))
                .isEqualTo(badResponse("HTTP 200 with temperature 1E+999, not a finite number"));
        assertThat(answer(200, null, "{\"main\":{\"temp\":\"NaN\"},\"dt\":1700000000}"))
                .isEqualTo(badResponse("HTTP 200 with temperature NaN, not a finite number"));
        assertThat(answer(200, null, "{\"main\":{\"temp\":58.2,\"humidity\":\"Infinity\"},\"dt\":1700000000}"))
                .isEqualTo(badResponse("HTTP 200 with humidity Infinity, not a finite number"));
        assertThat(answer(200, null, "{\"main\":{\"temp\":58.2},\"dt\":1}"))
                .isEqualTo(badResponse("HTTP 200 observed at 1970-01-01T00:00:01Z, not a plausible time"));
        assertThat(answer(200, null, "{\"main\":{\"temp\":58.2},\"dt\":1e999}"))
                .isEqualTo(badResponse("HTTP 200 without a readable observation time"));
    }

    @Test
    void aTwoHundredWithAnErrorCodeIsNotWeatherAndItsCode404IsANotFound() {
        assertThat(answer(200, null, "{\"cod\":\"404\",\"message\":\"city not found\"}"))
                .isEqualTo(new Attempt.Refused(FailureReason.NOT_FOUND, "HTTP 200 with code 404: city not found"));
        assertThat(answer(200, null, "{\"cod\":500,\"message\":\"Internal error\",\"main\":{\"temp\":58.2},"
                + "\"dt\":1700000000}")).isEqualTo(badResponse("HTTP 200 with code 500: Internal error"));
        assertThat(answer(200, null, "{\"cod\":200,\"main\":{\"temp\":58.2},\"dt\":1700000000}"))
                .isInstanceOf(Attempt.Answered.class);
    }

    @Test
    void openMeteosCurrentBlockMustHoldATemperatureAtAPlausibleTimeToo() {
        assertThat(openMeteo("{\"latitude\":42.36}")).isEqualTo(badResponse("HTTP 200 without a temperature"));
        assertThat(openMeteo("{\"current\":{\"time\":\"2026-05-20T16:15\",\"temperature_2m\":1e999}}"))
                .isEqualTo(badResponse("HTTP 200 with temperature 1E+999, not a finite number"));
        assertThat(openMeteo("{\"current\":{\"time\":\"1970-01-01T00:00\",\"temperature_2m\":69.4}}"))
                .isEqualTo(badResponse("HTTP 200 observed at 1970-01-01T00:00:00Z, not a plausible time"));
        assertThat(openMeteo("{\"current\":{\"temperature_2m\":69.4}}"))
                .isEqualTo(badResponse("HTTP 200 without a readable observation time"));
        assertThat(openMeteo("{\"current\":{\"time\":\"2026-05-20T16:15\",\"temperature_2m\":69.4}}"))
                .isInstanceOf(Attempt.Answered.class);
    }

    @Test
    void aTwoHundredThatIsNotAJsonObjectMayPassOnARetry() {
        assertThat(answer(200, null, "<html>busy</html>")).isEqualTo(new Attempt.Transient(FailureReason.BAD_RESPONSE,
                "HTTP 200 with a body that is not a JSON object"));
        assertThat(answer(200, null, "[1, 2]")).isInstanceOf(Attempt.Transient.class);
    }

    @Test
    void anAnswerThatEchoesTheKeyIsKeptWithTheKeyMasked() {
        assertThat(answer(200, null, "{\"name\":\"" + KEY + "\",\"main\":{\"temp\":58.2},\"dt\":1700000000}"))
                .isInstanceOfSatisfying(Attempt.Answered.class, answered -> {
                    assertThat(answered.json()).isEqualTo("{\"name\":\"***\",\"main\":{\"temp\":58.2},\"dt\":1700000000}");
                    assertThat(answered.row().city()).isEqualTo("***");
                });
    }

    @Test
    void aRedirectIsRejectedWithoutARetryAndItsLocationNeverCarriesTheKey() {
        String elsewhere = "https://elsewhere.example/data/2.5/weather?zip=02134,us&appid=";
        assertThat(outcomes.answered(new Reply(301, null, elsewhere + KEY, new byte[0]))).isEqualTo(
                new Attempt.Refused(FailureReason.REJECTED, "HTTP 301: redirected to " + elsewhere + "***"));
        assertThat(answer(304, null, "")).as("no Location").isEqualTo(new Attempt.Refused(FailureReason.REJECTED, "HTTP 304"));
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
                .isEqualTo(new Attempt.Transient(FailureReason.TIMEOUT, "no answer within 15 s"));
    }

    private Attempt answer(int status, String retryAfter, String body) {
        return outcomes.answered(new Reply(status, retryAfter, null, body.getBytes(StandardCharsets.UTF_8)));
    }

    private Attempt openMeteo(String body) {
        return openMeteo.answered(new Reply(200, null, null, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Attempt.Transient badResponse(String detail) {
        return new Attempt.Transient(FailureReason.BAD_RESPONSE, detail);
    }
}
