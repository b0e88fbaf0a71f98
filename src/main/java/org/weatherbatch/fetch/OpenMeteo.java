package org.weatherbatch.fetch;

import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.weatherbatch.config.WeatherProperties.Units;
import org.weatherbatch.location.ZipcodeCoordinates;
import org.weatherbatch.output.WeatherRow;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;

/** Open-Meteo's forecast API, current conditions at the zipcode's internal point. Keyless. */
class OpenMeteo implements WeatherProvider {

    static final URI BASE_URL = URI.create("https://api.open-meteo.com");

    /** Free, non-commercial use: fewer than 600 calls a minute, 5,000 an hour, 10,000 a day. */
    static final RateLimits LIMITS = new RateLimits(600, 5_000, 10_000);

    private static final String CURRENT = "temperature_2m,relative_humidity_2m,apparent_temperature,precipitation,"
            + "weather_code,cloud_cover,pressure_msl,wind_speed_10m,wind_direction_10m,wind_gusts_10m";

    private static final BigDecimal ZERO_CELSIUS_IN_KELVIN = new BigDecimal("273.15");

    private final URI baseUrl;

    private final String endpoint;

    private final String unitsQuery;

    private final boolean kelvin;

    private final Supplier<ZipcodeCoordinates> coordinates;

    OpenMeteo(URI baseUrl, Units units, Supplier<ZipcodeCoordinates> coordinates) {
        this.baseUrl = baseUrl;
        this.endpoint = baseUrl + "/v1/forecast?";
        this.unitsQuery = units == Units.IMPERIAL
                ? "&temperature_unit=fahrenheit&wind_speed_unit=mph&precipitation_unit=inch"
                : "&temperature_unit=celsius&wind_speed_unit=ms&precipitation_unit=mm";
        // Open-Meteo has no Kelvin: standard units are asked in Celsius and converted
        this.kelvin = units == Units.STANDARD;
        this.coordinates = coordinates;
    }

    @Override
    public String id() {
        return "open-meteo";
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
        return coordinates.get().of(zip).map(point -> URI.create(endpoint + "latitude=" + point.latitude() + "&longitude="
                + point.longitude() + "&current=" + CURRENT + unitsQuery + "&timezone=GMT"));
    }

    @Override
    public String explanation(JsonNode error) {
        return Json.text(error.path("reason"));
    }

    /** Its 429 says which allowance ran out: "Minutely API request limit exceeded…". */
    @Override
    public Duration requestedPause(JsonNode error) {
        String reason = explanation(error).toLowerCase(Locale.ROOT);
        if (reason.startsWith("minutely")) {
            return Duration.ofMinutes(1);
        }
        if (reason.startsWith("hourly")) {
            return Duration.ofHours(1);
        }
        if (reason.startsWith("daily")) {
            return Duration.ofDays(1);
        }
        return null;
    }

    @Override
    public WeatherRow row(JsonNode response) {
        JsonNode current = response.path("current");
        JsonNode code = current.path("weather_code");
        return new WeatherRow("", observedAt(current.path("time"), response.path("utc_offset_seconds")),
                temperature(current.path("temperature_2m")), temperature(current.path("apparent_temperature")),
                Json.text(current.path("relative_humidity_2m")), Json.text(current.path("pressure_msl")),
                Json.text(current.path("wind_speed_10m")), Json.text(current.path("wind_direction_10m")),
                Json.text(current.path("cloud_cover")),
                code.canConvertToInt() ? WmoWeatherCodes.describe(code.asInt()) : "");
    }

    private String temperature(JsonNode value) {
        String celsius = Json.text(value);
        return kelvin && value.isNumber() ? value.asDecimal().add(ZERO_CELSIUS_IN_KELVIN).toPlainString() : celsius;
    }

    /**
     * {@code current.time} is the point's local time, without offset: the offset is beside it.
     * Null when either is unreadable (an offset that is no number, or beyond 18 hours).
     */
    private static Instant observedAt(JsonNode time, JsonNode utcOffsetSeconds) {
        try {
            return LocalDateTime.parse(Json.text(time)).toInstant(ZoneOffset.ofTotalSeconds(utcOffsetSeconds.asInt()));
        }
        catch (DateTimeException | JsonNodeException unreadable) {
            return null;
        }
    }
}
