package org.weatherbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.weatherbatch.fetch.FetchMetrics;

class RunSamplerTest {

    @Test
    void aSampleIsWhatHappenedBetweenTwoReadings() {
        Histogram latencies = new Histogram(2);
        for (int i = 1; i <= 100; i++) {
            latencies.recordValue(i * 1000L); // 1 to 100 ms
        }
        FetchMetrics.Reading before = new FetchMetrics.Reading(40, 2, 3, 1, new Histogram(2));
        FetchMetrics.Reading after = new FetchMetrics.Reading(135, 7, 5, 4, latencies);

        Sample sample = RunSampler.between(before, after, 1234);

        assertThat(sample).isEqualTo(new Sample(1234, 100, 95, 5, 3, 2, sample.p50Ms(), sample.p90Ms(),
                sample.p99Ms()));
        assertThat(sample.p50Ms()).isCloseTo(50, org.assertj.core.data.Offset.offset(0.5));
        assertThat(sample.p90Ms()).isCloseTo(90, org.assertj.core.data.Offset.offset(0.9));
        assertThat(sample.p99Ms()).isCloseTo(99, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void aQuietSecondHasNoLatencyAndIsNotKept() {
        FetchMetrics.Reading reading = new FetchMetrics.Reading(40, 2, 3, 1, new Histogram(2));

        Sample sample = RunSampler.between(reading, reading, 1234);

        assertThat(sample.p50Ms()).isNull();
        assertThat(sample.idle()).isTrue();
    }
}
