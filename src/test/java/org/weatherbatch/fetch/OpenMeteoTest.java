package org.weatherbatch.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.weatherbatch.config.WeatherProperties.Units;
import org.weatherbatch.location.ZipcodeCoordinates;
import org.weatherbatch.output.WeatherRow;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenMeteoTest {

    private static final ZipcodeCoordinates TABLE = ZipcodeCoordinates.load();

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** A real answer, as in shared/reference/open-meteo.md, with every field the job asks for. */
    private static final String ANSWER = """
            {"latitude":39.264343,"longitude":-77.91724,"generationtime_ms":0.53,"utc_offset_seconds":-14400,
             "timezone":"America/New_York","timezone_abbreviation":"GMT-4","elevation":192.0,
             "current_units":{"time":"iso8601","interval":"seconds","temperature_2m":"°F"},
             "current":{"time":"2026-05-20T16:15","interval":900,"temperature_2m":69.4,"relative_humidity_2m":98,
              "apparent_temperature":71.2,"precipitation":0.02,"weather_code":63,"cloud_cover":100,
              "pressure_msl":1009.8,"wind_speed_10m":12.3,"wind_direction_10m":225,"wind_gusts_10m":20.1}}
            """;

    @Test
    void asksForTheCurrentConditionsAtTheZipcodesPointInTheRunsUnits() {
        OpenMeteo imperial = new OpenMeteo(URI.create("http://127.0.0.1:1"), Units.IMPERIAL, () -> TABLE);

        assertThat(imperial.uri("02134").orElseThrow().toString()).isEqualTo("http://127.0.0.1:1/v1/forecast?"
                + "latitude=42.358786&longitude=-71.129581&current=temperature_2m,relative_humidity_2m,"
                + "apparent_temperature,precipitation,weather_code,cloud_cover,pressure_msl,wind_speed_10m,"
                + "wind_direction_10m,wind_gusts_10m&temperature_unit=fahrenheit&wind_speed_unit=mph"
                + "&precipitation_unit=inch&timezone=GMT");
        assertThat(imperial.uri("00501")).isEmpty();
    }

    @Test
    void readsTheAnswerIntoTheSameFieldsAsOpenWeatherMap() {
        WeatherRow row = new OpenMeteo(URI.create("http://x"), Units.IMPERIAL, () -> TABLE).row(JSON.readTree(ANSWER));

        assertThat(row).isEqualTo(new WeatherRow("", Instant.parse("2026-05-20T20:15:00Z"), "69.4", "71.2", "98",
                "1009.8", "12.3", "225", "100", "moderate rain"));
    }

    @Test
    void standardUnitsAreKelvinAsWithOpenWeatherMap() {
        WeatherRow row = new OpenMeteo(URI.create("http://x"), Units.STANDARD, () -> TABLE).row(JSON.readTree(ANSWER));

        assertThat(row.temperature()).isEqualTo("342.55");
    }

    @Test
    void unreadableFieldsAreLeftEmptyForTheCheckToJudgeRatherThanThrown() {
        WeatherRow row = new OpenMeteo(URI.create("http://x"), Units.STANDARD, () -> TABLE).row(JSON.readTree("""
                {"utc_offset_seconds":1e999,"current":{"time":"2026-05-20T16:15","temperature_2m":"NaN",
                 "weather_code":1e999}}
                """));

        assertThat(row.observedAt()).isNull();
        assertThat(row.temperature()).isEqualTo("NaN");
        assertThat(row.conditions()).isEmpty();
        assertThat(new OpenMeteo(URI.create("http://x"), Units.METRIC, () -> TABLE)
                .row(JSON.readTree("{\"utc_offset_seconds\":86400,\"current\":{\"time\":\"2026-05-20T16:15\"}}"))
                .observedAt()).as("an offset beyond 18 hours").isNull();
    }

    @Test
    void its429SaysWhichAllowanceRanOut() {
        OpenMeteo provider = new OpenMeteo(URI.create("http://x"), Units.METRIC, () -> TABLE);

        assertThat(provider.requestedPause(error("Minutely API request limit exceeded. Please try again in one minute.")))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(provider.requestedPause(error("Hourly API request limit exceeded."))).isEqualTo(Duration.ofHours(1));
        assertThat(provider.requestedPause(error("Daily API request limit exceeded."))).isEqualTo(Duration.ofDays(1));
        assertThat(provider.explanation(error("Cannot initialize WeatherVariable from invalid String value x")))
                .isEqualTo("Cannot initialize WeatherVariable from invalid String value x");
    }

    private static JsonNode error(String reason) {
        return JSON.readTree("{\"error\":true,\"reason\":\"" + reason + "\"}");
    }
}
