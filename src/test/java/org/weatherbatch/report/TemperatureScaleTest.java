package org.weatherbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.weatherbatch.config.WeatherProperties.Units;

class TemperatureScaleTest {

    @Test
    void fahrenheitInTensFromBelowTenToAHundredAndUp() {
        TemperatureScale scale = TemperatureScale.of(Units.IMPERIAL);

        assertThat(scale.classOf(-40)).isZero();
        assertThat(scale.classOf(9.99)).isZero();
        assertThat(scale.classOf(10)).isEqualTo(1);
        assertThat(scale.classOf(58.21)).isEqualTo(5);
        assertThat(scale.classOf(99.9)).isEqualTo(9);
        assertThat(scale.classOf(100)).isEqualTo(10);
        assertThat(scale.classOf(134)).isEqualTo(10);
        assertThat(scale.unit()).isEqualTo("°F");
        assertThat(scale.labels()).hasSameSizeAs(scale.colours()).startsWith("< 10", "10 to 20").endsWith("≥ 100");
    }

    @Test
    void theSameWeatherHasTheSameColourInEveryUnit() {
        double[] celsius = { -25, -7.5, 0, 12.5, 21, 33, 41 };
        for (double temperature : celsius) {
            int metric = TemperatureScale.of(Units.METRIC).classOf(temperature);
            assertThat(TemperatureScale.of(Units.STANDARD).classOf(temperature + 273.15)).isEqualTo(metric);
        }
        assertThat(TemperatureScale.of(Units.METRIC).classOf(-10)).isEqualTo(1);
        assertThat(TemperatureScale.of(Units.STANDARD).labels().get(1)).isEqualTo("263.15 to 268.15");
    }

    @Test
    void coldIsBlueAndHotIsRed() {
        TemperatureScale scale = TemperatureScale.of(Units.METRIC);

        assertThat(scale.colours()).hasSize(11).doesNotHaveDuplicates();
        assertThat(scale.colours().get(scale.classOf(-30))).isEqualTo("#313695");
        assertThat(scale.colours().get(scale.classOf(45))).isEqualTo("#a50026");
    }
}
