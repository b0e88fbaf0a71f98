package org.weatherbatch.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void aSmallRunGoesAtTheMinuteRate() {
        RateLimits openMeteo = new RateLimits(600, 5_000, 10_000);

        // 582 a minute (3% under 600), the first request free
        assertThat(openMeteo.leastTime(583)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aRunLargerThanTheDailyAllowanceTakesDays() {
        RateLimits openMeteo = new RateLimits(600, 5_000, 10_000);

        // half the day's allowance at once, then 4,850 a day
        assertThat(openMeteo.leastTime(33_791)).isBetween(Duration.ofDays(5), Duration.ofDays(6));
    }

    @Test
    void aBucketKeptElsewhereHasTheseLimitsEachNamedByItsWindow() {
        RateLimits openMeteo = new RateLimits(600, 5_000, 10_000);

        assertThat(openMeteo.configuration().getBandwidths())
                .extracting(Bandwidth::getId, Bandwidth::getCapacity, Bandwidth::getRefillTokens,
                        Bandwidth::getRefillPeriodNanos)
                .containsExactly(tuple("PT1M", 1L, 582L, Duration.ofMinutes(1).toNanos()),
                        tuple("PT1H", 2_500L, 2_425L, Duration.ofHours(1).toNanos()),
                        tuple("PT24H", 5_000L, 4_850L, Duration.ofDays(1).toNanos()));
    }

    @Test
    void noLimitNoBucket() {
        assertThat(new RateLimits(0, 0, 0).bucket()).isNull();
        assertThat(new RateLimits(0, 0, 0).leastTime(1_000_000)).isZero();
        assertThat(new RateLimits(60, 0, 0)).hasToString("60/min");
    }
}
