package org.weatherbatch.fetch;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.weatherbatch.config.Durations;

/**
 * Makes all workers pause together when the API answers 429 Too Many Requests, for as
 * long as it asked (Retry-After) or else for the configured pause. A 429 is not an item's
 * failure: the request is sent again after the pause. Only when the API keeps throttling
 * for longer than the patience does the run fail, since then no request would get through.
 */
class Throttle {

    private static final Logger log = LoggerFactory.getLogger(Throttle.class);

    private final Duration defaultPause;

    private final Duration patience;

    private final ApiHealth health;

    // read by every request, so not behind the lock: a lock taken 3,000 times a second by
    // hundreds of workers costs more than the requests' own work
    private volatile Instant pausedUntil = Instant.EPOCH;

    private volatile Instant throttledSince;

    Throttle(Duration defaultPause, Duration patience, ApiHealth health) {
        this.defaultPause = defaultPause;
        this.patience = patience;
        this.health = health;
    }

    /** Waits until the pause, if any, is over. */
    void awaitClearance() {
        Instant until;
        while ((until = pausedUntil).isAfter(Instant.now())) {
            try {
                Thread.sleep(Duration.between(Instant.now(), until).toMillis() + 1);
            }
            catch (InterruptedException stopping) {
                throw new RunStop.RunStoppedException();
            }
        }
    }

    synchronized void throttled(Attempt.Throttled answer) {
        Instant now = Instant.now();
        if (throttledSince == null) {
            throttledSince = now;
        }
        Duration throttledFor = Duration.between(throttledSince, now);
        Duration pause = answer.retryAfter() != null ? answer.retryAfter() : defaultPause;
        if (throttledFor.plus(pause).compareTo(patience) > 0) {
            health.markDown("The API kept answering 429 Too Many Requests (" + answer.detail() + ") for "
                    + Durations.readable(throttledFor) + ", and a pause of " + Durations.readable(pause) + " more would go "
                    + "beyond weather.api.throttle-patience (" + Durations.readable(patience) + "): the limits of the plan seem used up. "
                    + "Rerun the same command later; lower weather.api.requests-per-* if it happens often.");
            return;
        }
        Instant until = now.plus(pause);
        if (!pausedUntil.isAfter(now)) {
            log.warn("The API is throttling requests ({}): all workers pause for {}", answer.detail(),
                    Durations.readable(pause));
        }
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** Any answer other than 429 ends a spell of throttling. */
    void answered() {
        if (throttledSince != null) {
            throttledSince = null;
        }
    }
}
