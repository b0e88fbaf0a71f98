package org.weatherbatch.output;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * The current weather at one zipcode.
 *
 * @param zip the 5-digit zipcode
 * @param provider who answered, e.g. open-meteo
 * @param fetchedAt when the answer arrived
 * @param response the provider's JSON as received
 * @param row the flat fields of the response
 */
public record Weather(String zip, String provider, Instant fetchedAt, JsonNode response, WeatherRow row)
        implements FetchResult {
}
