package org.weatherbatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} ms is \"{1}\"")
    @CsvSource({
            "0, 0 ms",
            "250, 250 ms",
            "2600, 2.6 s",
            "9990, 9 s",
            "3000, 3 s",
            "3020, 3 s",
            "15000, 15 s",
            "60000, 1 min",
            "150000, 2 min 30 s",
            "3600000, 1 h",
            "3780000, 1 h 3 min",
            "183600000, 2 d 3 h"})
    void asPeopleWriteThem(long millis, String expected) {
        assertThat(Durations.readable(Duration.ofMillis(millis))).isEqualTo(expected);
    }
}
