package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Open-Meteo without a key, OpenWeatherMap by coordinates, and the same CSV from both. */
@ExtendWith(OutputCaptureExtension.class)
class ProvidersTest extends WeatherJobTestSupport {

    private static final String FORECAST_PATH = "/v1/forecast";

    private static final String NO_KEY = "--weather.api.key=";

    @Test
    void withoutAKeyTheWeatherComesFromOpenMeteoByTheZipcodesCoordinates(CapturedOutput output) throws Exception {
        writeInput("02134", "00501", "10001");
        api.stubFor(forPoint("42.358786", "-71.129581").willReturn(okJson(openMeteoBody(3))));
        api.stubFor(forPoint("40.75065", "-73.997293").willReturn(okJson(openMeteoBody(61))));

        assertThat(run(NO_KEY)).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Weather from open-meteo at " + api.baseUrl()
                + " (no API key is set, and Open-Meteo needs none)");
        assertThat(jsonZips()).containsExactly("02134", "10001");
        assertThat(jsonLines()).allSatisfy(line -> assertThat(line.path("provider").asString()).isEqualTo("open-meteo"));
        assertThat(jsonLines().get(0).path("response").path("current").path("weather_code").asInt()).isEqualTo(3);
        assertThat(lines(".csv")).contains("02134,,2026-11-27T07:15:00Z,38.5,33.1,81,1021.4,6.2,250,100,overcast clouds",
                "10001,,2026-11-27T07:15:00Z,38.5,33.1,81,1021.4,6.2,250,100,light rain");
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail",
                "00501,2,no-coordinates,not in the bundled zipcode table (PO-box-only zipcodes have no area)");
        assertThat(api.findAll(getRequestedFor(urlPathEqualTo(FORECAST_PATH)))).hasSize(2);
        assertThat(requests()).as("requests to OpenWeatherMap").isZero();
    }

    @Test
    void openMeteoErrorsMapOntoTheSameFailureReasons() throws Exception {
        writeInput("02134", "10001");
        api.stubFor(forPoint("42.358786", "-71.129581").willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":true,\"reason\":\"Cannot initialize WeatherVariable from invalid String value\"}")));
        answerInTurn(() -> forPoint("40.75065", "-73.997293"), aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody("{\"error\":true,\"reason\":\"Minutely API request limit exceeded. Please try again in one minute.\"}"),
                okJson(openMeteoBody(0)));

        assertThat(run(NO_KEY)).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("10001");
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail",
                "02134,1,rejected,HTTP 400: Cannot initialize WeatherVariable from invalid String value");
    }

    @Test
    void anOpenMeteoAnswerWithoutUsableCurrentConditionsIsABadResponse() throws Exception {
        writeInput("02134", "10001");
        api.stubFor(forPoint("42.358786", "-71.129581").willReturn(okJson(
                "{\"latitude\":42.36,\"longitude\":-71.13,\"utc_offset_seconds\":0,\"timezone\":\"GMT\"}")));
        answerInTurn(() -> forPoint("40.75065", "-73.997293"),
                okJson(openMeteoBody(61).replace("\"temperature_2m\":38.5", "\"temperature_2m\":1e999")),
                okJson(openMeteoBody(61)));

        assertThat(run(NO_KEY, "--weather.api.max-attempts=2")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("10001");
        assertThat(lines(".csv")).hasSize(2).last().asString().startsWith("10001,,2026-11-27T07:15:00Z,38.5,");
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail",
                "02134,1,bad-response,HTTP 200 without a temperature (after 2 attempts)");
    }

    @Test
    void theCsvHasTheSameShapeWhicheverProviderAnswered() throws Exception {
        writeInput("02134");
        stubZip("02134", okJson(weatherBody("Allston")));
        api.stubFor(forPoint("42.358786", "-71.129581").willReturn(okJson(openMeteoBody(3))));

        assertThat(run("--weather.date=2026-11-27")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run(NO_KEY, "--weather.date=2026-11-28")).isEqualTo(ExitCodes.COMPLETED);

        List<String> openWeatherMapLines = Files.readAllLines(work.resolve("output/zipcodes-2026-11-27.csv"));
        List<String> openMeteoLines = Files.readAllLines(work.resolve("output/zipcodes-2026-11-28.csv"));
        assertThat(openMeteoLines.get(0)).isEqualTo(openWeatherMapLines.get(0));
        assertThat(openMeteoLines).hasSameSizeAs(openWeatherMapLines);
        CSVRecord openWeatherMap = csvRow("2026-11-27");
        CSVRecord openMeteo = csvRow("2026-11-28");
        assertThat(openMeteo.size()).isEqualTo(openWeatherMap.size());
        for (String column : List.of("observed_at", "temperature", "feels_like", "humidity_pct", "pressure_hpa",
                "wind_speed", "wind_direction_deg", "cloud_cover_pct")) {
            assertThat(openMeteo.get(column)).as(column).matches("[-0-9.:TZ]+");
            assertThat(openWeatherMap.get(column)).as(column).matches("[-0-9.:TZ]+");
        }
        assertThat(openWeatherMap.get("conditions")).isEqualTo("broken clouds");
        assertThat(openMeteo.get("conditions")).isEqualTo("overcast clouds");
    }

    @Test
    void openWeatherMapCanBeAskedByCoordinates() throws Exception {
        writeInput("02134", "00501");

        assertThat(run("--weather.api.lookup=coordinates")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(api.findAll(getRequestedFor(urlPathEqualTo(WEATHER_PATH))
                .withQueryParam("lat", equalTo("42.358786")).withQueryParam("lon", equalTo("-71.129581")))).hasSize(1);
        assertThat(jsonZips()).containsExactly("02134");
        assertThat(lines("-failures.csv")).hasSize(2).last().asString().startsWith("00501,2,no-coordinates,");
    }

    /** The first row of a run's CSV, by column name. */
    private CSVRecord csvRow(String date) throws Exception {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().get()
                .parse(Files.newBufferedReader(work.resolve("output/zipcodes-" + date + ".csv")))) {
            return parser.getRecords().get(0);
        }
    }

    private static MappingBuilder forPoint(String latitude, String longitude) {
        return get(urlPathEqualTo(FORECAST_PATH)).withQueryParam("latitude", equalTo(latitude))
                .withQueryParam("longitude", equalTo(longitude)).withQueryParam("timezone", equalTo("GMT"));
    }

    /** Open-Meteo's answer, shaped as its documentation shows, in imperial units and GMT. */
    private static String openMeteoBody(int weatherCode) {
        return """
                {"latitude":42.36,"longitude":-71.13,"generationtime_ms":0.05,"utc_offset_seconds":0,
                 "timezone":"GMT","timezone_abbreviation":"GMT","elevation":12.0,
                 "current_units":{"time":"iso8601","interval":"seconds","temperature_2m":"°F",
                  "relative_humidity_2m":"%%","weather_code":"wmo code","wind_speed_10m":"mp/h"},
                 "current":{"time":"2026-11-27T07:15","interval":900,"temperature_2m":38.5,
                  "relative_humidity_2m":81,"apparent_temperature":33.1,"precipitation":0.00,
                  "weather_code":%d,"cloud_cover":100,"pressure_msl":1021.4,"wind_speed_10m":6.2,
                  "wind_direction_10m":250,"wind_gusts_10m":14.1}}
                """.formatted(weatherCode);
    }
}
