package org.weatherbatch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.weatherbatch.config.WeatherProperties.Units;

/**
 * The map's colours: eleven classes of temperature, from the coldest (class 0, below the
 * first step) to the hottest (class 10, from the last step up), in ColorBrewer's RdYlBu
 * (reversed: blue is cold). The steps are fixed per unit, not taken from the night's own
 * range, so that two nights' maps read alike: 10 °F, 5 °C or 5 K apart.
 *
 * @param unit the temperature's unit symbol
 * @param from the lower bound of class 1
 * @param step each class's width
 */
public record TemperatureScale(String unit, double from, double step, List<String> colours, List<String> labels) {

    static final List<String> RD_YL_BU = List.of("#313695", "#4575b4", "#74add1", "#abd9e9", "#e0f3f8", "#ffffbf",
            "#fee090", "#fdae61", "#f46d43", "#d73027", "#a50026");

    public static TemperatureScale of(Units units) {
        return switch (units) {
            case IMPERIAL -> new TemperatureScale("°F", 10, 10);
            case METRIC -> new TemperatureScale("°C", -10, 5);
            case STANDARD -> new TemperatureScale("K", 263.15, 5);
        };
    }

    private TemperatureScale(String unit, double from, double step) {
        this(unit, from, step, RD_YL_BU, labels(from, step));
    }

    /** The class of a temperature: 0 below {@code from}, then one per step, the last one open-ended. */
    public int classOf(double temperature) {
        int index = (int) Math.floor((temperature - from) / step) + 1;
        return Math.max(0, Math.min(colours.size() - 1, index));
    }

    private static List<String> labels(double from, double step) {
        List<String> labels = new ArrayList<>();
        labels.add("< " + number(from));
        for (int i = 1; i < RD_YL_BU.size() - 1; i++) {
            labels.add(number(from + (i - 1) * step) + " to " + number(from + i * step));
        }
        labels.add("≥ " + number(from + (RD_YL_BU.size() - 2) * step));
        return labels;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
