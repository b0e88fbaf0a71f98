package org.weatherbatch.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZipcodeCoordinatesTest {

    private static final ZipcodeCoordinates TABLE = ZipcodeCoordinates.load();

    @Test
    void holdsEveryZctaOfTheCensusGazetteer() {
        assertThat(TABLE.size()).isEqualTo(33_791);
    }

    @Test
    void knowsTheInternalPointsOfKnownZipcodes() {
        ZipcodeCoordinates.Coordinates allston = TABLE.of("02134").orElseThrow();
        assertThat(allston.latitude()).isCloseTo(42.358786, within(1e-9));
        assertThat(allston.longitude()).isCloseTo(-71.129581, within(1e-9));
        ZipcodeCoordinates.Coordinates chelsea = TABLE.of("10001").orElseThrow();
        assertThat(chelsea.latitude()).isCloseTo(40.75065, within(1e-9));
        assertThat(chelsea.longitude()).isCloseTo(-73.997293, within(1e-9));
        assertThat(TABLE.of("99929")).as("the last ZCTA").isPresent();
    }

    @Test
    void poBoxOnlyZipcodesHaveNoPoint() {
        assertThat(TABLE.of("00501")).as("Holtsville IRS, PO boxes only").isEmpty();
        assertThat(TABLE.of("00000")).isEmpty();
    }
}
