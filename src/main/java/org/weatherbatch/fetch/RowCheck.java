package org.weatherbatch.fetch;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.weatherbatch.output.WeatherRow;

/**
 * Whether an answer holds weather worth a CSV row: a temperature, observed at a plausible
 * time, and numbers that are finite numbers. What fails here is a bad response, not weather.
 */
final class RowCheck {

    /** Earlier than any answer this job can get: such a time is a placeholder, like "dt":1. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** Clocks differ, but not by a day. */
    private static final Duration AHEAD = Duration.ofDays(1);

    private RowCheck() {
    }

    /** What makes the row unusable, as "HTTP 200 …" goes on; empty when it is usable. */
    static Optional<String> flaw(WeatherRow row, Instant answeredAt) {
        // a row must say how warm it was and when; the APIs may leave out any other column
        if (row.temperature().isEmpty()) {
            return Optional.of("without a temperature");
        }
        if (row.observedAt() == null) {
            return Optional.of("without a readable observation time");
        }
        if (row.observedAt().isBefore(EARLIEST) || row.observedAt().isAfter(answeredAt.plus(AHEAD))) {
            return Optional.of("observed at " + row.observedAt() + ", not a plausible time");
        }
        return numbers(row).stream().filter(number -> !finite(number.getValue())).findFirst()
                .map(number -> "with " + number.getKey() + " " + number.getValue() + ", not a finite number");
    }

    private static List<Map.Entry<String, String>> numbers(WeatherRow row) {
        return List.of(Map.entry("temperature", row.temperature()), Map.entry("feels_like", row.feelsLike()),
                Map.entry("humidity", row.humidity()), Map.entry("pressure", row.pressure()),
                Map.entry("wind_speed", row.windSpeed()), Map.entry("wind_direction", row.windDirection()),
                Map.entry("cloud_cover", row.cloudCover()));
    }

    /** Empty (left out) or a number within a double's range: not "NaN", "Infinity" or 1E+999. */
    private static boolean finite(String value) {
        if (value.isEmpty()) {
            return true;
        }
        try {
            return Double.isFinite(new BigDecimal(value).doubleValue());
        }
        catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
