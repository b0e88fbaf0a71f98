package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weatherbatch.ExternalTool;

/** Each run's metrics, pushed to a real Prometheus Pushgateway started on a free loopback port. */
class PushgatewayTest extends WeatherJobTestSupport {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{(.*)} (\\S+)$");

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Process pushgateway;

    private static URI address;

    @BeforeAll
    static void startPushgateway() throws Exception {
        Path program = ExternalTool.require("prometheus-pushgateway", "prometheus-pushgateway", "pushgateway");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path data = Files.createTempFile("pushgateway", ".data");
        pushgateway = new ProcessBuilder(program.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--persistence.file=" + data).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        address = URI.create("http://127.0.0.1:" + port);
        awaitTrue(() -> ready(), "the Pushgateway to be ready");
    }

    @AfterAll
    static void stopPushgateway() throws InterruptedException {
        if (pushgateway != null) {
            pushgateway.destroy();
            pushgateway.waitFor();
        }
    }

    @Test
    void eachRunPushesItsOwnMetricsUnderItsInputAndDateAndLaunchesThatRunNothingPushNothing() throws Exception {
        writeInput("02134", "99999", "10001");
        stubZip("99999", notFound());
        answerInTurn("10001", aResponse().withStatus(429).withHeader("Retry-After", "0"),
                okJson(weatherBody("New York")));

        assertThat(run(pushing())).isEqualTo(ExitCodes.COMPLETED);

        Map<String, Double> night = group(DATE);
        assertThat(night).containsEntry("weather_run_status{error=\"none\",status=\"COMPLETED\"}", 1.0)
                .containsEntry("weather_run_status{error=\"none\",status=\"FAILED\"}", 0.0)
                .containsEntry("weather_run_status{error=\"none\",status=\"STOPPED\"}", 0.0)
                .containsEntry("weather_run_zipcodes_fetched", 2.0)
                .containsEntry("weather_run_zipcodes_failed{reason=\"not-found\"}", 1.0)
                .containsEntry("weather_run_zipcodes_failed{reason=\"timeout\"}", 0.0)
                .containsEntry("weather_run_zipcodes_failed{reason=\"server-error\"}", 0.0)
                .containsEntry("weather_run_requests", 4.0)
                .containsEntry("weather_run_throttled", 1.0)
                .containsEntry("weather_unfinished_nights", 0.0)
                .containsKey("weather_run_duration_seconds");
        assertThat(night.get("weather_last_success_timestamp_seconds"))
                .isCloseTo(Instant.now().getEpochSecond(), within(120.0));
        assertThat(night.keySet()).as("no JVM, pool or Spring Batch metrics")
                .allMatch(series -> series.startsWith("weather_") || series.startsWith("push_"));
        double pushedAt = night.get("push_time_seconds");

        assertThat(run(pushing("history"))).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run(pushing())).as("nothing to do").isEqualTo(ExitCodes.COMPLETED);
        assertThat(group(DATE)).containsEntry("push_time_seconds", pushedAt);

        api.resetAll();
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).willReturn(invalidKey()));
        assertThat(run(pushing("--weather.date=2026-11-28"))).isEqualTo(ExitCodes.FAILED);

        assertThat(group("2026-11-28"))
                .containsEntry("weather_run_status{error=\"ApiUnavailableException\",status=\"FAILED\"}", 1.0)
                .containsEntry("weather_run_status{error=\"none\",status=\"COMPLETED\"}", 0.0)
                .doesNotContainKey("weather_last_success_timestamp_seconds");
        assertThat(group(DATE)).as("the first night's metrics are still there").isEqualTo(night);

        api.resetAll();
        answerEveryZipcode();
        assertThat(run(pushing("--weather.date=2026-11-29"))).isEqualTo(ExitCodes.COMPLETED);
        assertThat(group("2026-11-29")).as("the failed night before it is counted")
                .containsEntry("weather_run_status{error=\"none\",status=\"COMPLETED\"}", 1.0)
                .containsEntry("weather_unfinished_nights", 1.0);
    }

    @Test
    void aRetryOfANightsFailuresPushesTheNightsCountsAsItLeftThemToTheNightsGroup() throws Exception {
        writeInput("02134", "99999", "10001");
        stubZip("99999", notFound());
        stubZip("10001", aResponse().withStatus(503));
        assertThat(run(pushing("--weather.api.max-attempts=1"))).isEqualTo(ExitCodes.COMPLETED);
        assertThat(group(DATE)).containsEntry("weather_run_zipcodes_fetched", 1.0)
                .containsEntry("weather_run_zipcodes_failed{reason=\"server-error\"}", 1.0);
        stubZip("10001", okJson(weatherBody("New York")));

        assertThat(run(pushing("retry-failures", "1"))).isEqualTo(ExitCodes.COMPLETED);

        assertThat(group(DATE)).containsEntry("weather_run_status{error=\"none\",status=\"COMPLETED\"}", 1.0)
                .containsEntry("weather_run_zipcodes_fetched", 2.0)
                .containsEntry("weather_run_zipcodes_failed{reason=\"server-error\"}", 0.0)
                .containsEntry("weather_run_zipcodes_failed{reason=\"not-found\"}", 1.0)
                .containsEntry("weather_run_requests", 1.0);
    }

    private String[] pushing(String... options) {
        String[] all = new String[options.length + 1];
        all[0] = "--weather.metrics.pushgateway=" + address;
        System.arraycopy(options, 0, all, 1, options.length);
        return all;
    }

    /** The series of this input's group for a date, by name and their own labels. */
    private Map<String, Double> group(String date) throws IOException, InterruptedException {
        Map<String, Double> series = new TreeMap<>();
        for (String line : metrics().lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            if (input.toAbsolutePath().toString().equals(labels.remove("input")) && date.equals(labels.remove("date"))
                    && "weather-batch".equals(labels.remove("job"))) {
                labels.remove("instance");
                String own = labels.entrySet().stream().map(entry -> entry.getKey() + "=\"" + entry.getValue() + "\"")
                        .collect(Collectors.joining(",", "{", "}"));
                series.put(sample.group(1) + (labels.isEmpty() ? "" : own), Double.parseDouble(sample.group(3)));
            }
        }
        return series;
    }

    private static String metrics() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(address.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(address.resolve("/-/ready")).timeout(Duration.ofSeconds(1))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
