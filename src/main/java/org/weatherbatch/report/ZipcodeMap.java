package org.weatherbatch.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.weatherbatch.location.ZipcodeCoordinates;

/**
 * The map's dots, a column per attribute so that 33,000 of them fit in about a megabyte of
 * the page: one dot per zipcode of the night with coordinates, at its place on the page
 * ({@link UsProjection}). A fetched zipcode's dot has its temperature's colour class (a
 * letter: a is class 0); a failed zipcode's has its reason's colour. Zipcodes that have no
 * place (not in the ZCTA table, in a Pacific territory, or a line that was no zipcode) are
 * only counted.
 *
 * @param zips the fetched zipcodes, five digits each, one after the other
 * @param classes the colour class of each, as a letter
 * @param cities each one's city, joined by '|' (blank when the provider gives none)
 * @param conditions each one's conditions, as an index into conditionNames
 * @param failedReasons each failed zipcode's reason, as an index into reasons
 * @param unplaced zipcodes and lines of the night that are not on the map
 */
public record ZipcodeMap(int width, int height, TemperatureScale scale, String zips, List<Integer> x,
        List<Integer> y, List<Double> temperatures, String classes, String cities, List<Integer> conditions,
        List<String> conditionNames, String failedZips, List<Integer> failedX, List<Integer> failedY,
        List<Integer> failedReasons, List<Reason> reasons, int unplaced) {

    /** Marks failed zipcodes apart from the temperature scale's blues, yellows and reds. */
    static final List<String> REASON_COLOURS = List.of("#000000", "#e7298a", "#1b9e77", "#7570b3", "#666666",
            "#a6761d", "#66a61e", "#e6ab02", "#17becf");

    /** A failure reason, its colour on the map, and how many failed zipcodes it has there. */
    public record Reason(String code, String colour, int count) {
    }

    public static ZipcodeMap of(NightRows rows, ZipcodeCoordinates coordinates, TemperatureScale scale) {
        StringBuilder zips = new StringBuilder();
        StringBuilder classes = new StringBuilder();
        List<String> cities = new ArrayList<>();
        List<Integer> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<Double> temperatures = new ArrayList<>();
        List<Integer> conditions = new ArrayList<>();
        Map<String, Integer> conditionIndex = new LinkedHashMap<>();
        int unplaced = 0;
        for (NightRows.WeatherLine line : rows.weather()) {
            Optional<int[]> point = place(coordinates, line.zip());
            if (point.isEmpty()) {
                unplaced++;
                continue;
            }
            zips.append(line.zip());
            x.add(point.get()[0]);
            y.add(point.get()[1]);
            temperatures.add(line.temperature());
            classes.append((char) ('a' + scale.classOf(line.temperature())));
            cities.add(line.city().replace('|', '/'));
            conditions.add(conditionIndex.computeIfAbsent(line.conditions(), key -> conditionIndex.size()));
        }
        Map<String, Integer> reasonCounts = new TreeMap<>();
        rows.failures().forEach(line -> reasonCounts.merge(line.reason(), 0, Integer::sum));
        List<String> reasonCodes = List.copyOf(reasonCounts.keySet());
        StringBuilder failedZips = new StringBuilder();
        List<Integer> failedX = new ArrayList<>();
        List<Integer> failedY = new ArrayList<>();
        List<Integer> failedReasons = new ArrayList<>();
        for (NightRows.FailureLine line : rows.failures()) {
            Optional<int[]> point = place(coordinates, line.zip());
            if (point.isEmpty()) {
                unplaced++;
                continue;
            }
            failedZips.append(line.zip());
            failedX.add(point.get()[0]);
            failedY.add(point.get()[1]);
            failedReasons.add(reasonCodes.indexOf(line.reason()));
            reasonCounts.merge(line.reason(), 1, Integer::sum);
        }
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < reasonCodes.size(); i++) {
            reasons.add(new Reason(reasonCodes.get(i), REASON_COLOURS.get(i % REASON_COLOURS.size()),
                    reasonCounts.get(reasonCodes.get(i))));
        }
        return new ZipcodeMap(UsProjection.WIDTH, UsProjection.HEIGHT, scale, zips.toString(), x, y, temperatures,
                classes.toString(), String.join("|", cities), conditions, List.copyOf(conditionIndex.keySet()),
                failedZips.toString(), failedX, failedY, failedReasons, reasons, unplaced);
    }

    public int dots() {
        return x.size() + failedX.size();
    }

    /** The zipcode's dot on the page; empty for what is no zipcode or has no coordinates. */
    private static Optional<int[]> place(ZipcodeCoordinates coordinates, String zip) {
        if (!zip.matches("\\d{5}")) {
            return Optional.empty();
        }
        return coordinates.of(zip)
                .flatMap(point -> UsProjection.project(point.latitude(), point.longitude()))
                .map(xy -> new int[] { (int) Math.round(xy[0]), (int) Math.round(xy[1]) });
    }
}
