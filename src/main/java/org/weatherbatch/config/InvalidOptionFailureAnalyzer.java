package org.weatherbatch.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;

/** Reports an {@link InvalidOptionException} the way Spring Boot reports a bad property. */
public class InvalidOptionFailureAnalyzer extends AbstractFailureAnalyzer<InvalidOptionException> {

    static final String ACTION = "Fix the option named above; nothing was run. The help command lists the options.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidOptionException cause) {
        return new FailureAnalysis("Invalid option:\n" + describe(cause.option(), cause.value(), null, cause.reason()),
                ACTION, cause);
    }

    /** One option's paragraph of a failure report: its name, the value given, where it was given, what is wrong. */
    static String describe(String option, Object value, Origin origin, String reason) {
        return "\n    Property: " + option + "\n    Value: \"" + value + "\"" + (origin == null ? ""
                : "\n    Origin: " + where(origin, value)) + "\n    Reason: " + reason + "\n";
    }

    private static String where(Origin origin, Object value) {
        if (origin instanceof PropertySourceOrigin property && "commandLineArgs".equals(
                property.getPropertySource().getName())) {
            return "the command line, --" + property.getPropertyName() + "=" + value;
        }
        return origin.toString();
    }
}
