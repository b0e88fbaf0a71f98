package org.weatherbatch.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * A provider's limits (per minute, hour and day; 0 for none) and the one bucket that
 * keeps all workers within them, whatever window the provider counts in: this process's,
 * or the one that all hosts with the key share ({@link SharedBucket}).
 *
 * <p>A limit of L requests per window T holds for every span of length T when the bucket
 * holds at most C tokens and refills at most L - C per T. The minute limit takes C = 1: any
 * two requests at least 1/rate apart, no burst. Hour and day limits take C = L/2: a small
 * run goes at the minute rate, a large one slows to half the hourly and daily allowance
 * once it has used the other half. Refill rates run 3% under the limit: network jitter
 * bunches requests on the way, and the server must never count one too many.
 */
public record RateLimits(int perMinute, int perHour, int perDay) {

    private static final double HEADROOM = 0.97;

    public boolean any() {
        return perMinute > 0 || perHour > 0 || perDay > 0;
    }

    /** The bucket shared by all workers of this process, or null when there is no limit. */
    BlockingBucket bucket() {
        if (!any()) {
            return null;
        }
        LocalBucketBuilder builder = Bucket.builder();
        bandwidths().forEach(builder::addLimit);
        return builder.build().asBlocking();
    }

    /** The same limits for a bucket kept outside the process ({@link SharedBucket}). */
    BucketConfiguration configuration() {
        return new BucketConfiguration(bandwidths());
    }

    /** Each named by its window: a bucket given changed limits keeps what each window has used. */
    private List<Bandwidth> bandwidths() {
        return limits().stream().map(limit -> Bandwidth.builder().capacity(limit.capacity())
                .refillGreedy(limit.refill(), limit.window()).id(limit.window().toString()).build()).toList();
    }

    /** The least time the given number of requests takes within these limits. */
    public Duration leastTime(long requests) {
        Duration least = Duration.ZERO;
        for (Limit limit : limits()) {
            long beyondCapacity = Math.max(0, requests - limit.capacity());
            Duration time = limit.window().multipliedBy(beyondCapacity).dividedBy(limit.refill());
            least = time.compareTo(least) > 0 ? time : least;
        }
        return least;
    }

    private List<Limit> limits() {
        List<Limit> limits = new ArrayList<>();
        if (perMinute > 0) {
            long refill = Math.max(1, Math.min(Math.round(perMinute * HEADROOM), perMinute - 1));
            limits.add(new Limit(1, refill, Duration.ofMinutes(1)));
        }
        if (perHour > 0) {
            limits.add(Limit.halved(perHour, Duration.ofHours(1)));
        }
        if (perDay > 0) {
            limits.add(Limit.halved(perDay, Duration.ofDays(1)));
        }
        return limits;
    }

    @Override
    public String toString() {
        List<String> limits = new ArrayList<>();
        if (perMinute > 0) {
            limits.add(perMinute + "/min");
        }
        if (perHour > 0) {
            limits.add(perHour + "/h");
        }
        if (perDay > 0) {
            limits.add(perDay + "/day");
        }
        return limits.isEmpty() ? "no limit" : String.join(", ", limits);
    }

    private record Limit(long capacity, long refill, Duration window) {

        static Limit halved(int limit, Duration window) {
            long capacity = Math.max(1, limit / 2);
            return new Limit(capacity, Math.max(1, Math.round((limit - capacity) * HEADROOM)), window);
        }
    }
}
