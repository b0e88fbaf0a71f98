package org.weatherbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final long T0 = 1_795_000_000_000L;

    @Test
    void aShortRunIsDrawnSecondBySecondWithItsQuietSecondsAsZeros() {
        List<Sample> samples = List.of(sample(1, 10, 9, 1, 0, 2, 40, 80, 200), sample(3, 4, 4, 0, 2, 0, 50, 90, 300));

        Timeline timeline = Timeline.of(List.of(new Timeline.Span(T0, T0 + 4000)), samples);

        assertThat(timeline.bucketSeconds()).isEqualTo(1);
        assertThat(timeline.time()).containsExactly(T0 / 1000, T0 / 1000 + 1, T0 / 1000 + 2, T0 / 1000 + 3);
        assertThat(timeline.requestsPerSecond()).containsExactly(10.0, 0.0, 4.0, 0.0);
        assertThat(timeline.fetchedPerMinute()).containsExactly(540.0, 0.0, 240.0, 0.0);
        assertThat(timeline.throttled()).containsExactly(0, 0, 2, 0);
        assertThat(timeline.retries()).containsExactly(2, 0, 0, 0);
        assertThat(timeline.p99Ms()).containsExactly(200.0, null, 300.0, null);
    }

    @Test
    void aLongRunIsAddedUpIntoAtMostTwelveHundredPointsThatKeepEveryRequest() {
        List<Sample> samples = new ArrayList<>();
        for (int second = 1; second <= 3 * 3600; second++) {
            samples.add(sample(second, second % 2 == 0 ? 30 : 10, 5, 0, 0, 0, second % 2 == 0 ? 100 : 20, 0, 0));
        }

        Timeline timeline = Timeline.of(List.of(new Timeline.Span(T0, T0 + 3 * 3600_000)), samples);

        assertThat(timeline.bucketSeconds()).isEqualTo(9);
        assertThat(timeline.time()).hasSizeLessThanOrEqualTo(Timeline.MAX_POINTS);
        double requests = timeline.requestsPerSecond().stream().mapToDouble(perSecond -> perSecond * 9).sum();
        assertThat(requests).isEqualTo(20.0 * 3 * 3600);
        assertThat(timeline.p50Ms().get(1)).as("weighted by requests: (5×30×100 + 4×10×20) / 190")
                .isEqualTo(83.16);
    }

    @Test
    void theTimeBetweenAFailedExecutionAndItsRestartIsAGap() {
        List<Timeline.Span> spans = List.of(new Timeline.Span(T0, T0 + 2000), new Timeline.Span(T0 + 5000, T0 + 6000));

        Timeline timeline = Timeline.of(spans, List.of(sample(1, 3, 3, 0, 0, 0, 10, 10, 10),
                sample(6, 2, 2, 0, 0, 0, 10, 10, 10)));

        assertThat(timeline.requestsPerSecond()).containsExactly(3.0, 0.0, null, null, null, 2.0);
    }

    private static Sample sample(int second, int requests, int fetched, int failed, int throttled, int retries,
            double p50, double p90, double p99) {
        return new Sample(T0 + second * 1000L, requests, fetched, failed, throttled, retries, p50, p90, p99);
    }
}
