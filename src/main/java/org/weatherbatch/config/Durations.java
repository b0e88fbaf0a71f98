package org.weatherbatch.config;

import java.time.Duration;
import java.util.Locale;

/** Durations as people write them: "250 ms", "2.6 s", "15 s", "2 min 30 s", "1 h 3 min", "2 d 3 h". */
public final class Durations {

    private Durations() {
    }

    public static String readable(Duration duration) {
        if (duration.toDays() > 0) {
            return twoUnits(duration.toDays(), "d", duration.toHoursPart(), "h");
        }
        if (duration.toHours() > 0) {
            return twoUnits(duration.toHours(), "h", duration.toMinutesPart(), "min");
        }
        if (duration.toMinutes() > 0) {
            return twoUnits(duration.toMinutes(), "min", duration.toSecondsPart(), "s");
        }
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + " ms";
        }
        if (duration.toMillis() < 9_950) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0).replace(".0 s", " s");
        }
        return duration.toSeconds() + " s";
    }

    /** "2 min 30 s", or "2 min" when the smaller unit is zero. */
    private static String twoUnits(long large, String largeUnit, long small, String smallUnit) {
        return small == 0 ? large + " " + largeUnit : large + " " + largeUnit + " " + small + " " + smallUnit;
    }
}
