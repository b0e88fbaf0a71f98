package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class WeatherJobTest extends WeatherJobTestSupport {

    @Test
    void fetchesEveryZipcodeKeepingLeadingZeros(CapturedOutput output) throws Exception {
        writeInput("00501", "02134", "10001");
        String oneLine = weatherBody("Allston").replace("\n", "");
        stubZip("02134", com.github.tomakehurst.wiremock.client.WireMock.okJson(oneLine));
        String prettyPrinted = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                JSON.readTree(weatherBody("New York")));
        stubZip("10001", com.github.tomakehurst.wiremock.client.WireMock.okJson(prettyPrinted));

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).as("one line each, a pretty-printed answer too")
                .containsExactlyInAnyOrder("00501", "02134", "10001");
        assertThat(lines(".jsonl")).filteredOn(line -> line.contains("\"02134\"")).singleElement().asString()
                .as("the answer as received").contains(oneLine);
        assertThat(jsonLines()).filteredOn(line -> line.path("zip").asString().equals("10001")).singleElement()
                .satisfies(line -> assertThat(line.path("response")).isEqualTo(JSON.readTree(prettyPrinted)));
        var allston = jsonLines().stream().filter(line -> line.path("zip").asString().equals("02134")).findFirst()
                .orElseThrow();
        assertThat(allston.path("response").path("name").asString()).isEqualTo("Allston");
        assertThat(allston.path("response").path("main").path("temp").asString()).isEqualTo("58.21");
        assertThat(allston.path("fetchedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(allston.path("provider").asString()).isEqualTo("openweathermap");
        assertThat(lines(".csv")).first().asString().startsWith("zip,city,observed_at,temperature");
        assertThat(lines(".csv")).contains(
                "02134,Allston,2023-11-14T22:13:20Z,58.21,56.37,62,1018,9.22,240,75,broken clouds");
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail");
        assertThat(requests()).isEqualTo(3);
        assertThat(output).contains("fetched: 3, failed: 0").doesNotContain("rerun the same command");
    }

    @Test
    void relaunchingACompletedRunDoesNothing(CapturedOutput output) throws Exception {
        writeInput("02134", "10001");
        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);
        String firstOutput = Files.readString(output(".jsonl"));

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Nothing to do: the run of " + input.toAbsolutePath() + " for " + DATE);
        assertThat(requests()).isEqualTo(2);
        assertThat(Files.readString(output(".jsonl"))).isEqualTo(firstOutput);
    }

    @Test
    void aNewDateIsANewRun() throws Exception {
        writeInput("02134");
        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run("--weather.date=2026-11-28")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(requests()).isEqualTo(2);
        assertThat(work.resolve("output/zipcodes-2026-11-28.jsonl")).exists();
    }

    @Test
    void unknownZipcodesGoToTheFailuresFileAndTheJobGoesOn() throws Exception {
        writeInput("02134", "99999", "10001");
        stubZip("99999", notFound());

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactlyInAnyOrder("02134", "10001");
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail",
                "99999,2,not-found,HTTP 404: city not found");
    }

    @Test
    void anInvalidKeyFailsTheJobAtOnceHavingSpentFewRequests(CapturedOutput output) throws Exception {
        writeInput(java.util.stream.IntStream.range(10000, 10100).mapToObj(String::valueOf).toArray(String[]::new));
        api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(WEATHER_PATH))
                .atPriority(1).willReturn(invalidKey()));

        assertThat(run()).isEqualTo(ExitCodes.FAILED);

        assertThat(requests()).isLessThanOrEqualTo(4);
        assertThat(output).contains("The API refused the key (HTTP 401: Invalid API key.");
        assertThat(output).doesNotContain(API_KEY);
    }

    @Test
    void aBadOptionStopsTheStartBeforeAnyRequest(CapturedOutput output) throws Exception {
        writeInput("02134");

        assertThat(run("--weather.concurrency=-3")).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(run("--weather.input=" + work.resolve("missing.csv"))).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(run("--weather.date=27/11/2026")).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(run("--weather.api.key=", "--weather.provider=openweathermap")).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(run("--weather.provider=accuweather")).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(run("--weather.lock.lease=500ms")).isEqualTo(ExitCodes.NOT_STARTED);

        assertThat(output).contains("Property: weather.concurrency").contains("Property: weather.input")
                .contains("missing.csv does not exist").contains("Property: weather.date")
                .contains("Property: weather.provider\n    Value: \"openweathermap\"\n    Origin: the command line, "
                        + "--weather.provider=openweathermap\n    Reason: openweathermap needs a key")
                .contains("Property: weather.provider\n    Value: \"accuweather\"")
                .contains("Property: weather.lock.lease\n    Value: \"500ms\"");
        assertThat(requests()).isZero();
    }

    @Test
    void zeroOrNegativeDurationsStopTheStartBeforeAnythingRuns(CapturedOutput output) throws Exception {
        writeInput("02134");
        List<String> durations = List.of("weather.progress-interval", "weather.api.connect-timeout",
                "weather.api.read-timeout", "weather.api.retry-backoff", "weather.api.throttle-pause",
                "weather.api.throttle-patience");

        for (String value : List.of("0s", "-3s")) {
            assertThat(run(durations.stream().map(option -> "--" + option + "=" + value).toArray(String[]::new)))
                    .as(value).isEqualTo(ExitCodes.NOT_STARTED);
        }

        for (String option : durations) {
            assertThat(output).as("named and shown as given").contains("Property: " + option + "\n    Value: \"0s\"")
                    .contains("Property: " + option + "\n    Value: \"-3s\"");
        }
        assertThat(output).contains("must be longer than or equal to 1 milli");
        assertThat(output(".jsonl")).as("nothing was staged nor fetched").doesNotExist();
        assertThat(requests()).isZero();
    }
}
