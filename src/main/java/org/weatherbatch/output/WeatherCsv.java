package org.weatherbatch.output;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The flat CSV row of a {@link Weather}: the fields people chart. Temperatures, wind speed
 * and pressure are in the units the run asked for (weather.units).
 */
final class WeatherCsv {

    static final List<String> COLUMNS = List.of("zip", "city", "observed_at", "temperature", "feels_like",
            "humidity_pct", "pressure_hpa", "wind_speed", "wind_direction_deg", "cloud_cover_pct", "conditions");

    private WeatherCsv() {
    }

    static String row(Weather weather) {
        JsonNode response = weather.response();
        JsonNode main = response.path("main");
        JsonNode observed = response.path("dt");
        return CsvLines.format(weather.zip(), text(response.path("name")),
                observed.isNumber() ? Instant.ofEpochSecond(observed.asLong()).toString() : "",
                text(main.path("temp")), text(main.path("feels_like")), text(main.path("humidity")),
                text(main.path("pressure")), text(response.path("wind").path("speed")),
                text(response.path("wind").path("deg")), text(response.path("clouds").path("all")),
                text(response.path("weather").path(0).path("description")));
    }

    /** The API leaves out fields it has no value for: those become empty cells. */
    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asString() : "";
    }
}
