package org.weatherbatch.output;

import java.time.Instant;

/**
 * The fields people chart, in the run's units whichever provider answered. Values are
 * text as the provider sent them (or converted to the run's units); empty when missing.
 *
 * @param observedAt when the conditions were observed, null when not given
 */
public record WeatherRow(String city, Instant observedAt, String temperature, String feelsLike, String humidity,
        String pressure, String windSpeed, String windDirection, String cloudCover, String conditions) {
}
