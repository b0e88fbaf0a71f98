package org.weatherbatch.fetch;

import java.time.Duration;
import java.time.Instant;

import org.weatherbatch.output.FailureReason;
import org.weatherbatch.output.WeatherRow;

/** The outcome of one request to the API. */
sealed interface Attempt {

    /**
     * The API answered with the weather.
     *
     * @param row the answer's fields, checked to be usable
     * @param json the answer as one line of JSON text
     */
    record Answered(Instant at, WeatherRow row, String json) implements Attempt {
    }

    /** The API answered that this zipcode has no weather (404, 400): asking again won't help. */
    record Refused(FailureReason reason, String detail) implements Attempt {
    }

    /** The request failed in a way that may pass: a timeout, a reset, a 5xx, a garbled body. */
    record Transient(FailureReason reason, String detail) implements Attempt {
    }

    /**
     * The API answered 429 Too Many Requests.
     *
     * @param retryAfter the wait the API asked for, or null when it named none
     */
    record Throttled(Duration retryAfter, String detail) implements Attempt {
    }

    /** The API refused the key (401, 403): no request can succeed. */
    record KeyRejected(String detail) implements Attempt {
    }
}
