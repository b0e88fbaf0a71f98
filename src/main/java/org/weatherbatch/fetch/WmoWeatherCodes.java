package org.weatherbatch.fetch;

import java.util.Map;

/**
 * Open-Meteo's WMO weather codes in OpenWeatherMap's condition words, so that the CSV's
 * conditions column reads the same whichever provider answered.
 */
final class WmoWeatherCodes {

    private static final Map<Integer, String> WORDS = Map.ofEntries(
            Map.entry(0, "clear sky"),
            Map.entry(1, "few clouds"),
            Map.entry(2, "scattered clouds"),
            Map.entry(3, "overcast clouds"),
            Map.entry(45, "fog"),
            Map.entry(48, "fog"),
            Map.entry(51, "light intensity drizzle"),
            Map.entry(53, "drizzle"),
            Map.entry(55, "heavy intensity drizzle"),
            Map.entry(56, "freezing rain"),
            Map.entry(57, "freezing rain"),
            Map.entry(61, "light rain"),
            Map.entry(63, "moderate rain"),
            Map.entry(65, "heavy intensity rain"),
            Map.entry(66, "freezing rain"),
            Map.entry(67, "freezing rain"),
            Map.entry(71, "light snow"),
            Map.entry(73, "snow"),
            Map.entry(75, "heavy snow"),
            Map.entry(77, "snow"),
            Map.entry(80, "light intensity shower rain"),
            Map.entry(81, "shower rain"),
            Map.entry(82, "heavy intensity shower rain"),
            Map.entry(85, "light shower snow"),
            Map.entry(86, "heavy shower snow"),
            Map.entry(95, "thunderstorm"),
            Map.entry(96, "thunderstorm"),
            Map.entry(99, "thunderstorm"));

    private WmoWeatherCodes() {
    }

    static String describe(int code) {
        return WORDS.getOrDefault(code, "weather code " + code);
    }
}
