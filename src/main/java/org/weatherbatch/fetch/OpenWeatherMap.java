package org.weatherbatch.fetch;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.weatherbatch.config.WeatherProperties.Lookup;
import org.weatherbatch.config.WeatherProperties.Units;
import org.weatherbatch.location.ZipcodeCoordinates;
import org.weatherbatch.output.WeatherRow;

import tools.jackson.databind.JsonNode;

/**
 * OpenWeatherMap's current weather (API 2.5), by {@code zip=} or, since OpenWeatherMap calls
 * its zipcode geocoder deprecated, by coordinates from the bundled table.
 */
class OpenWeatherMap implements WeatherProvider {

    static final URI BASE_URL = URI.create("https://api.openweathermap.org");

    /** The free plan. */
    static final RateLimits LIMITS = new RateLimits(60, 0, 0);

    private final URI baseUrl;

    private final String endpoint;

    private final String query;

    private final Lookup lookup;

    private final Supplier<ZipcodeCoordinates> coordinates;

    OpenWeatherMap(URI baseUrl, String key, Units units, Lookup lookup, Supplier<ZipcodeCoordinates> coordinates) {
        this.baseUrl = baseUrl;
        this.endpoint = baseUrl + "/data/2.5/weather?";
        this.query = "&units=" + units.queryValue() + "&appid=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        this.lookup = lookup;
        this.coordinates = coordinates;
    }

    @Override
    public String id() {
        return "openweathermap";
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public RateLimits plan() {
        return LIMITS;
    }

    @Override
    public Optional<URI> uri(String zip) {
        if (lookup == Lookup.ZIP) {
            return Optional.of(URI.create(endpoint + "zip=" + zip + ",us" + query));
        }
        return coordinates.get().of(zip).map(point -> URI.create(endpoint + "lat=" + point.latitude() + "&lon="
                + point.longitude() + query));
    }

    @Override
    public String explanation(JsonNode error) {
        return Json.text(error.path("message"));
    }

    /** OpenWeatherMap sends no Retry-After and says nothing of a wait in its 429 body. */
    @Override
    public Duration requestedPause(JsonNode error) {
        return null;
    }

    /** Its cod, a number in some bodies and text in others, is 200 in an answer with the weather. */
    @Override
    public String errorCode(JsonNode answer) {
        String cod = Json.text(answer.path("cod")).strip();
        return cod.equals("200") ? "" : cod;
    }

    @Override
    public WeatherRow row(JsonNode response) {
        JsonNode main = response.path("main");
        JsonNode wind = response.path("wind");
        return new WeatherRow(Json.text(response.path("name")), observedAt(response.path("dt")),
                Json.text(main.path("temp")), Json.text(main.path("feels_like")), Json.text(main.path("humidity")),
                Json.text(main.path("pressure")), Json.text(wind.path("speed")), Json.text(wind.path("deg")),
                Json.text(response.path("clouds").path("all")),
                Json.text(response.path("weather").path(0).path("description")));
    }

    /** {@code dt} in Unix seconds; null when it is no whole number, or one beyond any date. */
    private static Instant observedAt(JsonNode dt) {
        try {
            return dt.canConvertToLong() ? Instant.ofEpochSecond(dt.asLong()) : null;
        }
        catch (DateTimeException beyondInstant) {
            return null;
        }
    }
}
