package org.weatherbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.weatherbatch.config.WeatherProperties.Units;
import org.weatherbatch.location.ZipcodeCoordinates;
import org.weatherbatch.report.NightRows.FailureLine;
import org.weatherbatch.report.NightRows.WeatherLine;

class ZipcodeMapTest {

    private static final ZipcodeCoordinates COORDINATES = ZipcodeCoordinates.load();

    @Test
    void aDotPerZipcodeWithCoordinatesTheOthersCounted() {
        NightRows rows = new NightRows(List.of(
                new WeatherLine("02134", "Allston", 41.5, "light rain"),
                new WeatherLine("00501", "Holtsville", 40, "light rain"), // a PO box: no coordinates
                new WeatherLine("99501", "Anchorage", -3, "snow"),
                new WeatherLine("96813", "Honolulu", 81, "clear sky")),
                List.of(new FailureLine("10001", "5", "timeout", "after 4 attempts"),
                        new FailureLine("junk", "6", "invalid-line", "not a zipcode: junk"),
                        new FailureLine("60601", "7", "not-found", "HTTP 404"),
                        new FailureLine("60602", "8", "timeout", "after 4 attempts")));

        ZipcodeMap map = ZipcodeMap.of(rows, COORDINATES, TemperatureScale.of(Units.IMPERIAL));

        assertThat(map.zips()).isEqualTo("021349950196813");
        assertThat(map.cities()).isEqualTo("Allston|Anchorage|Honolulu");
        assertThat(map.classes()).isEqualTo("eai");
        assertThat(map.temperatures()).containsExactly(41.5, -3.0, 81.0);
        assertThat(map.conditions()).containsExactly(0, 1, 2);
        assertThat(map.conditionNames()).containsExactly("light rain", "snow", "clear sky");
        assertThat(map.failedZips()).isEqualTo("100016060160602");
        assertThat(map.reasons()).extracting(ZipcodeMap.Reason::code, ZipcodeMap.Reason::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("invalid-line", 0),
                        org.assertj.core.groups.Tuple.tuple("not-found", 1),
                        org.assertj.core.groups.Tuple.tuple("timeout", 2));
        assertThat(map.failedReasons()).containsExactly(2, 1, 2);
        assertThat(map.unplaced()).isEqualTo(2);
        assertThat(map.dots()).isEqualTo(6);
    }

    @Test
    void everyZipcodeOfTheTableIsOnThePageButThePacificTerritoriesAndAlaskaHawaiiAndPuertoRicoInInsets() {
        List<String> notOnTheMap = new ArrayList<>();
        for (int zip = 0; zip < 100_000; zip++) {
            String code = "%05d".formatted(zip);
            COORDINATES.of(code).ifPresent(point -> UsProjection.project(point.latitude(), point.longitude())
                    .ifPresentOrElse(xy -> {
                        assertThat(xy[0]).as(code).isBetween(0.0, (double) UsProjection.WIDTH);
                        assertThat(xy[1]).as(code).isBetween(0.0, (double) UsProjection.HEIGHT);
                    }, () -> notOnTheMap.add(code)));
        }
        assertThat(notOnTheMap).as("Guam, the Northern Mariana Islands and American Samoa")
                .hasSize(11).allMatch(zip -> zip.equals("96799") || zip.startsWith("969"));
        double[] anchorage = at("99501");
        double[] honolulu = at("96813");
        double[] sanJuan = at("00901");
        double[] miami = at("33101");
        double[] seattle = at("98101");
        assertThat(anchorage[1]).as("below the lower 48's west").isGreaterThan(seattle[1] + 200);
        assertThat(honolulu[0]).isBetween(anchorage[0], miami[0]);
        assertThat(sanJuan[1]).as("below Florida").isGreaterThan(miami[1]);
    }

    private static double[] at(String zip) {
        var point = COORDINATES.of(zip).orElseThrow();
        return UsProjection.project(point.latitude(), point.longitude()).orElseThrow();
    }
}
