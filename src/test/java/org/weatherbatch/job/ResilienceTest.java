package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Faults of the API, one by one: the job survives each with nothing lost. */
@ExtendWith(OutputCaptureExtension.class)
class ResilienceTest extends WeatherJobTestSupport {

    private static final String[] HEADER_ONLY = { "zip,line,reason,detail" };

    /** Another host, where a redirect points. */
    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void transientFaultsAreRetriedUntilTheAnswerComes() throws Exception {
        writeInput("02134");
        answerInTurn("02134", aResponse().withStatus(503), aResponse().withStatus(502),
                aResponse().withStatus(200).withBody("<html>maintenance</html>"),
                okJson(weatherBody("Allston")));

        assertThat(run("--weather.api.max-attempts=4")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("02134");
        assertThat(lines("-failures.csv")).containsExactly(HEADER_ONLY);
        assertThat(requestsFor("02134")).isEqualTo(4);
    }

    @Test
    void connectionResetsAndEmptyAnswersAreRetried() throws Exception {
        writeInput("02134", "10001");
        answerInTurn("02134", aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER),
                okJson(weatherBody("Allston")));
        answerInTurn("10001", aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE),
                okJson(weatherBody("New York")));

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactlyInAnyOrder("02134", "10001");
        assertThat(lines("-failures.csv")).containsExactly(HEADER_ONLY);
    }

    @Test
    void afterTheLastAttemptTheItemFailsWithTheLastReasonAndTheJobGoesOn() throws Exception {
        writeInput("02134", "10001");
        stubZip("02134", aResponse().withStatus(502).withBody("{\"cod\":502,\"message\":\"Bad Gateway\"}"));

        assertThat(run("--weather.api.max-attempts=3")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("10001");
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail",
                "02134,1,server-error,HTTP 502: Bad Gateway (after 3 attempts)");
        assertThat(requestsFor("02134")).isEqualTo(3);
    }

    @Test
    void answersWithoutWeatherAreRetriedAsBadResponsesAndNeverBecomeRows() throws Exception {
        writeInput("10001", "10002", "10003", "10004", "10005", "10006", "02134");
        String weather = weatherBody("Testville").replace("\n", "");
        stubZip("10001", okJson("{}"));
        stubZip("10002", okJson(weather.replace("\"temp\":58.21", "\"temp\":1e999")));
        stubZip("10003", okJson(weather.replace("\"temp\":58.21", "\"temp\":\"NaN\"")));
        stubZip("10004", okJson(weather.replace("\"dt\":1700000000", "\"dt\":1")));
        long inTwoDays = Instant.now().plus(Duration.ofDays(2)).getEpochSecond();
        stubZip("10005", okJson(weather.replace("\"dt\":1700000000", "\"dt\":" + inTwoDays)));
        stubZip("10006", okJson("{\"cod\":\"404\",\"message\":\"city not found\"}"));
        answerInTurn("02134", okJson("{}"), okJson(weatherBody("Allston")));

        assertThat(run("--weather.api.max-attempts=2")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("02134");
        assertThat(lines(".csv")).hasSize(2).last().asString().startsWith("02134,Allston,2023-11-14T22:13:20Z,58.21,");
        assertThat(lines("-failures.csv")).containsExactlyInAnyOrder("zip,line,reason,detail",
                "10001,1,bad-response,HTTP 200 without a temperature (after 2 attempts)",
                "10002,2,bad-response,\"HTTP 200 with temperature 1E+999, not a finite number (after 2 attempts)\"",
                "10003,3,bad-response,\"HTTP 200 with temperature NaN, not a finite number (after 2 attempts)\"",
                "10004,4,bad-response,\"HTTP 200 observed at 1970-01-01T00:00:01Z, not a plausible time (after 2 attempts)\"",
                "10005,5,bad-response,\"HTTP 200 observed at " + Instant.ofEpochSecond(inTwoDays)
                        + ", not a plausible time (after 2 attempts)\"",
                "10006,6,not-found,HTTP 200 with code 404: city not found");
        assertThat(requestsFor("10001")).isEqualTo(2);
        assertThat(requestsFor("10006")).as("a 404 in a 200 is not asked again").isEqualTo(1);
    }

    @Test
    void aRedirectIsRejectedOnceAndNeverFollowedSoTheKeyStaysWithTheApi() throws Exception {
        writeInput("02134", "10001");
        elsewhere.stubFor(any(anyUrl()).willReturn(okJson(weatherBody("Elsewhere"))));
        // another host than the API's localhost
        String location = "http://127.0.0.1:" + elsewhere.getPort() + WEATHER_PATH
                + "?zip=02134,us&units=imperial&appid=" + API_KEY;
        stubZip("02134", aResponse().withStatus(301).withHeader("Location", location));

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("10001");
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail",
                "02134,1,rejected,\"HTTP 301: redirected to " + location.replace(API_KEY, "***") + "\"");
        assertThat(requestsFor("02134")).isEqualTo(1);
        assertThat(elsewhere.getAllServeEvents()).as("requests to the other host").isEmpty();
    }

    @Test
    void hungRequestsAreAbandonedAndRetriedSoTheJobNeverStalls() throws Exception {
        writeInput("02134", "10001", "20001");
        answerInTurn("02134", okJson(weatherBody("Allston")).withFixedDelay(60_000), okJson(weatherBody("Allston")));
        answerInTurn("10001", okJson(weatherBody("New York")).withChunkedDribbleDelay(5, 60_000),
                okJson(weatherBody("New York")));
        stubZip("20001", okJson(weatherBody("Washington")).withFixedDelay(60_000));

        assertThat(run("--weather.api.read-timeout=300ms", "--weather.api.max-attempts=2")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactlyInAnyOrder("02134", "10001");
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail",
                "20001,3,timeout,no answer within 300 ms (after 2 attempts)");
    }

    @Test
    void aStormOf429sPausesAllWorkersTogetherAsLongAsRetryAfterSaysAndLosesNothing(CapturedOutput output)
            throws Exception {
        List<String> zips = IntStream.range(0, 12).mapToObj(i -> String.format("%05d", 2100 + i)).toList();
        writeInput(zips.toArray(String[]::new));
        ResponseDefinitionBuilder tooMany = aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody("{\"cod\":429, \"message\": \"Your account is temporary blocked\"}");
        answerAnyInTurn(tooMany, tooMany, tooMany, tooMany, okJson(weatherBody("Testville")));

        assertThat(run("--weather.concurrency=4", "--weather.api.max-attempts=1")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactlyInAnyOrderElementsOf(zips);
        assertThat(lines("-failures.csv")).containsExactly(HEADER_ONLY);
        assertThat(output).contains("The API is throttling requests (HTTP 429: Your account is temporary blocked)");
        List<ServeEvent> served = api.getAllServeEvents().stream()
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate())).toList();
        long firstThrottled = served.get(0).getRequest().getLoggedDate().getTime();
        long firstAnswered = served.stream().filter(event -> event.getResponse().getStatus() == 200)
                .mapToLong(event -> event.getRequest().getLoggedDate().getTime()).min().orElseThrow();
        assertThat(firstAnswered - firstThrottled).as("ms from the first 429 to the next request served")
                .isGreaterThanOrEqualTo(1000);
    }

    @Test
    void throttlingBeyondThePatienceFailsTheRunWithoutFailingItems(CapturedOutput output) throws Exception {
        writeInput("02134", "10001");
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(1).willReturn(aResponse().withStatus(429)));

        assertThat(run("--weather.api.throttle-pause=50ms", "--weather.api.throttle-patience=400ms"))
                .isEqualTo(ExitCodes.FAILED);

        assertThat(output).contains("The API kept answering 429 Too Many Requests")
                .contains("a pause of 50 ms more would go beyond weather.api.throttle-patience (400 ms)")
                .doesNotContainPattern("PT[0-9]");
        assertThat(committedLines("-failures.csv")).isEmpty();
    }

    @Test
    void aForbiddenKeyFailsTheRunAtOnce(CapturedOutput output) throws Exception {
        writeInput(IntStream.range(10000, 10050).mapToObj(String::valueOf).toArray(String[]::new));
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(1).willReturn(aResponse().withStatus(403)));

        assertThat(run("--weather.concurrency=4")).isEqualTo(ExitCodes.FAILED);

        assertThat(requests()).isLessThanOrEqualTo(4);
        assertThat(output).contains("The API refused the key (HTTP 403)");
    }

    @Test
    void requestsAreSpreadEvenlyAndAPlanSizedLimitNeverAnswers429() throws Exception {
        // below what the job reaches here unlimited (about 280/s), so that the limiter is what holds it back
        int perSecond = 100;
        writeInput(IntStream.range(0, 700).mapToObj(i -> String.format("%05d", 10000 + i)).toArray(String[]::new));
        PlanRateLimit.enforce(5 * perSecond);

        assertThat(run("--weather.concurrency=16", "--weather.api.requests-per-minute=" + perSecond * 60))
                .isEqualTo(ExitCodes.COMPLETED);

        assertThat(PlanRateLimit.refused()).as("requests answered 429").isZero();
        assertThat(jsonZips()).hasSize(700);
        // evenly spread, 48 in half a second; unlimited, well over a hundred
        assertThat(PlanRateLimit.mostWithin(500, TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(80);
    }
}
