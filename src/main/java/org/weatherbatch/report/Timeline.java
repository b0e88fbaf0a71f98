package org.weatherbatch.report;

import java.util.Arrays;
import java.util.List;

/**
 * The run over time, as the report charts it: the samples of its executions added up into
 * buckets of equal width, at most {@link #MAX_POINTS} of them however long the run took.
 * A bucket that no execution covers (between a failed execution and its restart) is a gap:
 * null in every series. A bucket's percentiles are its seconds' weighted by their requests.
 *
 * @param start epoch seconds of the first bucket's start
 * @param throttled 429 answers in each bucket
 */
public record Timeline(long start, int bucketSeconds, List<Long> time, List<Double> requestsPerSecond,
        List<Double> fetchedPerMinute, List<Integer> throttled, List<Integer> retries, List<Double> p50Ms,
        List<Double> p90Ms, List<Double> p99Ms) {

    static final int MAX_POINTS = 1200;

    /** When one execution ran, in epoch milliseconds. */
    public record Span(long start, long end) {
    }

    public static Timeline of(List<Span> spans, List<Sample> samples) {
        if (spans.isEmpty()) {
            return new Timeline(0, 1, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of());
        }
        long from = spans.stream().mapToLong(Span::start).min().orElseThrow() / 1000;
        long to = (spans.stream().mapToLong(Span::end).max().orElseThrow() + 999) / 1000;
        int width = (int) Math.max(1, (to - from + MAX_POINTS - 1) / MAX_POINTS);
        int buckets = (int) Math.max(1, (to - from + width - 1) / width);
        long[] requests = new long[buckets];
        long[] fetched = new long[buckets];
        int[] throttled = new int[buckets];
        int[] retries = new int[buckets];
        double[][] weighted = new double[3][buckets];
        for (Sample sample : samples) {
            int bucket = (int) Math.min(buckets - 1, Math.max(0, (sample.at() / 1000 - 1 - from) / width));
            requests[bucket] += sample.requests();
            fetched[bucket] += sample.fetched();
            throttled[bucket] += sample.throttled();
            retries[bucket] += sample.retries();
            if (sample.p50Ms() != null) {
                weighted[0][bucket] += sample.p50Ms() * sample.requests();
                weighted[1][bucket] += sample.p90Ms() * sample.requests();
                weighted[2][bucket] += sample.p99Ms() * sample.requests();
            }
        }
        Long[] time = new Long[buckets];
        Double[] requestsPerSecond = new Double[buckets];
        Double[] fetchedPerMinute = new Double[buckets];
        Integer[] throttledShown = new Integer[buckets];
        Integer[] retriesShown = new Integer[buckets];
        Double[][] percentiles = new Double[3][buckets];
        for (int bucket = 0; bucket < buckets; bucket++) {
            long bucketStart = from + (long) bucket * width;
            time[bucket] = bucketStart;
            if (covered(spans, bucketStart * 1000, (bucketStart + width) * 1000)) {
                requestsPerSecond[bucket] = round((double) requests[bucket] / width);
                fetchedPerMinute[bucket] = round(fetched[bucket] * 60.0 / width);
                throttledShown[bucket] = throttled[bucket];
                retriesShown[bucket] = retries[bucket];
            }
            for (int p = 0; p < 3; p++) {
                percentiles[p][bucket] = requests[bucket] == 0 ? null : round(weighted[p][bucket] / requests[bucket]);
            }
        }
        return new Timeline(from, width, Arrays.asList(time), Arrays.asList(requestsPerSecond),
                Arrays.asList(fetchedPerMinute), Arrays.asList(throttledShown), Arrays.asList(retriesShown),
                Arrays.asList(percentiles[0]), Arrays.asList(percentiles[1]), Arrays.asList(percentiles[2]));
    }

    private static boolean covered(List<Span> spans, long from, long to) {
        return spans.stream().anyMatch(span -> span.start() < to && span.end() > from);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
