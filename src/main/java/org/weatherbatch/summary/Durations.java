package org.weatherbatch.summary;

import java.time.Duration;

/** Durations as operators read them: "2 d 3 h", "1 h 03 min", "4 min 05 s". */
public final class Durations {

    private Durations() {
    }

    public static String readable(Duration duration) {
        if (duration.toDays() > 0) {
            return duration.toDays() + " d " + duration.toHoursPart() + " h";
        }
        return duration.toHours() > 0 ? String.format("%d h %02d min", duration.toHours(), duration.toMinutesPart())
                : String.format("%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
    }
}
