package org.weatherbatch.output;

import java.util.List;

/** The flat CSV row of a {@link Weather}: the same columns and units for every provider. */
final class WeatherCsv {

    static final List<String> COLUMNS = List.of("zip", "city", "observed_at", "temperature", "feels_like",
            "humidity_pct", "pressure_hpa", "wind_speed", "wind_direction_deg", "cloud_cover_pct", "conditions");

    private WeatherCsv() {
    }

    static String row(Weather weather) {
        WeatherRow row = weather.row();
        return CsvLines.format(weather.zip(), row.city(), row.observedAt() == null ? "" : row.observedAt(),
                row.temperature(), row.feelsLike(), row.humidity(), row.pressure(), row.windSpeed(),
                row.windDirection(), row.cloudCover(), row.conditions());
    }
}
