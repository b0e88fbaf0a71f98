package org.weatherbatch.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.weatherbatch.output.WeatherRow;

import tools.jackson.databind.JsonNode;

/** What differs between weather APIs: how to ask for a zipcode and how to read the answer. */
public interface WeatherProvider {

    /** The provider's name in outputs and logs, e.g. open-meteo. */
    String id();

    /** Where its requests go: the provider's own address, or weather.api.base-url. */
    URI baseUrl();

    /** The limits of its free plan, kept unless weather.api.requests-per-* say otherwise. */
    RateLimits plan();

    /**
     * The request for a zipcode's current weather (it may carry the key: never log it), or
     * empty when the provider has no way to locate the zipcode.
     */
    Optional<URI> uri(String zip);

    /** The provider's explanation in an error answer, or null. */
    String explanation(JsonNode error);

    /** How long a 429 answer asks to wait, read from its body; null when it does not say. */
    Duration requestedPause(JsonNode error);

    /**
     * The error code in the body of a 200 answer (OpenWeatherMap's cod when not 200), or
     * empty when it has none: most APIs answer errors with an error status only.
     */
    default String errorCode(JsonNode answer) {
        return "";
    }

    /**
     * The flat fields of an answer, in the run's units; a field missing or unreadable is left
     * empty (null for the time), for {@link RowCheck} to judge. Never throws, whatever the answer.
     */
    WeatherRow row(JsonNode response);
}
