package org.weatherbatch.output;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * The current weather at one zipcode.
 *
 * @param zip the 5-digit zipcode
 * @param fetchedAt when the answer arrived
 * @param response the API's JSON as received
 */
public record Weather(String zip, Instant fetchedAt, JsonNode response) implements FetchResult {
}
