package org.weatherbatch.output;

import java.util.Arrays;

/** Why a line or a zipcode produced no weather; the code is what the failures file holds. */
public enum FailureReason {

    INVALID_LINE("invalid-line", false),
    NOT_FOUND("not-found", false),
    NO_COORDINATES("no-coordinates", false),
    REJECTED("rejected", false),
    SERVER_ERROR("server-error", true),
    BAD_RESPONSE("bad-response", true),
    TIMEOUT("timeout", true),
    CONNECTION_ERROR("connection-error", true);

    private final String code;

    private final boolean retryable;

    FailureReason(String code, boolean retryable) {
        this.code = code;
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    /**
     * Whether asking again later may get the weather: a passing trouble (the run's own retries
     * were spent on it), not the API's considered answer nor a line that holds no zipcode.
     */
    public boolean retryable() {
        return retryable;
    }

    /** The reason a failures file names by its code. */
    public static FailureReason of(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no failure reason \"" + code + "\""));
    }
}
