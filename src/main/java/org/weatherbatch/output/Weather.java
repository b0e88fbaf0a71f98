package org.weatherbatch.output;

import java.time.Instant;

/**
 * The current weather at one zipcode.
 *
 * @param zip the 5-digit zipcode
 * @param provider who answered, e.g. open-meteo
 * @param fetchedAt when the answer arrived
 * @param response the provider's JSON as received, on one line
 * @param row the flat fields of the response
 */
public record Weather(String zip, String provider, Instant fetchedAt, String response, WeatherRow row)
        implements FetchResult {
}
