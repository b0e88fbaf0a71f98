package org.weatherbatch.output;

/** Why a line or a zipcode produced no weather; the code is what the failures file holds. */
public enum FailureReason {

    INVALID_LINE("invalid-line"),
    NOT_FOUND("not-found"),
    NO_COORDINATES("no-coordinates"),
    REJECTED("rejected"),
    SERVER_ERROR("server-error"),
    BAD_RESPONSE("bad-response"),
    TIMEOUT("timeout"),
    CONNECTION_ERROR("connection-error");

    private final String code;

    FailureReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
