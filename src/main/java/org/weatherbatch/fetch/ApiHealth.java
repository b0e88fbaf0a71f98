package org.weatherbatch.fetch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether requests are still worth sending, as seen by all workers of one step execution:
 * a refused key, or too many failed requests in a row, stops everyone at once.
 */
class ApiHealth {

    private final int failureThreshold;

    private final AtomicInteger consecutiveFailures = new AtomicInteger();

    private volatile String downReason;

    ApiHealth(int failureThreshold) {
        this.failureThreshold = failureThreshold;
    }

    /** Throws when the API was found unusable, by this worker or another. */
    void ensureUp() {
        String reason = downReason;
        if (reason != null) {
            throw new ApiUnavailableException(reason);
        }
    }

    void record(Attempt attempt) {
        if (attempt instanceof Attempt.KeyRejected rejected) {
            markDown("The API refused the key (" + rejected.detail() + "): check weather.api.key or "
                    + "WEATHER_API_KEY; a new OpenWeatherMap key takes up to two hours to activate.");
        }
        else if (attempt instanceof Attempt.Transient failed) {
            int failures = consecutiveFailures.incrementAndGet();
            if (failures >= failureThreshold) {
                markDown("The API seems down: " + failures + " requests in a row failed (last: "
                        + failed.detail() + "). Rerun the same command later to continue from the last commit.");
            }
        }
        else if (!(attempt instanceof Attempt.Throttled) && consecutiveFailures.get() != 0) {
            // an answer, even a 404, shows the API is up; a 429 shows nothing either way
            consecutiveFailures.set(0);
        }
    }

    synchronized void markDown(String reason) {
        if (downReason == null) {
            downReason = reason;
        }
    }
}
