package org.weatherbatch.config;

/**
 * An option found wrong when it is used rather than when it is bound, such as an input file
 * that does not exist: reported like Spring Boot's own binding failures, naming the option.
 */
public class InvalidOptionException extends RuntimeException {

    private final String option;

    private final Object value;

    private final String reason;

    public InvalidOptionException(String option, Object value, String reason) {
        super(option + "=" + value + ": " + reason);
        this.option = option;
        this.value = value;
        this.reason = reason;
    }

    public String option() {
        return option;
    }

    public Object value() {
        return value;
    }

    public String reason() {
        return reason;
    }
}
