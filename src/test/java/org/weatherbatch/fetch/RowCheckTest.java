package org.weatherbatch.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.weatherbatch.output.WeatherRow;

class RowCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-27T07:00:00Z");

    private static final WeatherRow USABLE = new WeatherRow("Allston", NOW.minusSeconds(600), "58.21", "56.37", "62",
            "1018", "9.22", "240", "75", "broken clouds");

    @Test
    void aTemperatureAtAPlausibleTimeIsEnoughAndEveryOtherColumnMayBeLeftOut() {
        assertThat(RowCheck.flaw(USABLE, NOW)).isEmpty();
        assertThat(RowCheck.flaw(new WeatherRow("", NOW, "-3", "", "", "", "", "", "", ""), NOW)).isEmpty();
    }

    @Test
    void withoutATemperatureOrAnObservationTimeTheRowSaysNothing() {
        assertThat(RowCheck.flaw(new WeatherRow("Allston", NOW, "", "56.37", "62", "1018", "9.22", "240", "75",
                "broken clouds"), NOW)).contains("without a temperature");
        assertThat(RowCheck.flaw(new WeatherRow("Allston", null, "58.21", "56.37", "62", "1018", "9.22", "240", "75",
                "broken clouds"), NOW)).contains("without a readable observation time");
    }

    @Test
    void anObservationBefore2000OrMoreThanADayAheadIsNotPlausible() {
        assertThat(RowCheck.flaw(observedAt(Instant.ofEpochSecond(1)), NOW))
                .contains("observed at 1970-01-01T00:00:01Z, not a plausible time");
        assertThat(RowCheck.flaw(observedAt(Instant.parse("1999-12-31T23:59:59Z")), NOW)).isPresent();
        assertThat(RowCheck.flaw(observedAt(Instant.parse("2000-01-01T00:00:00Z")), NOW)).isEmpty();
        assertThat(RowCheck.flaw(observedAt(NOW.plus(Duration.ofHours(23))), NOW)).as("a clock ahead").isEmpty();
        assertThat(RowCheck.flaw(observedAt(NOW.plus(Duration.ofHours(25))), NOW)).isPresent();
    }

    @Test
    void everyNumberMustBeAFiniteNumber() {
        assertThat(RowCheck.flaw(new WeatherRow("", NOW, "1E+999", "", "", "", "", "", "", ""), NOW))
                .contains("with temperature 1E+999, not a finite number");
        assertThat(RowCheck.flaw(new WeatherRow("", NOW, "NaN", "", "", "", "", "", "", ""), NOW)).isPresent();
        assertThat(RowCheck.flaw(new WeatherRow("", NOW, "58", "-Infinity", "", "", "", "", "", ""), NOW))
                .contains("with feels_like -Infinity, not a finite number");
        assertThat(RowCheck.flaw(new WeatherRow("", NOW, "58", "", "", "", "", "", "true", ""), NOW))
                .contains("with cloud_cover true, not a finite number");
        assertThat(RowCheck.flaw(new WeatherRow("", NOW, "58", "", "", "", "", "0x1p3", "", ""), NOW))
                .as("what Double.parseDouble would take").isPresent();
        assertThat(RowCheck.flaw(new WeatherRow("", NOW, "-1.5e2", "", "", "", "", "", "", ""), NOW)).isEmpty();
    }

    private static WeatherRow observedAt(Instant time) {
        return new WeatherRow("Allston", time, "58.21", "56.37", "62", "1018", "9.22", "240", "75", "broken clouds");
    }
}
