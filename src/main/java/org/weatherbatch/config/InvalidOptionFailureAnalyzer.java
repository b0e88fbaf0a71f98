package org.weatherbatch.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an {@link InvalidOptionException} the way Spring Boot reports a bad property. */
public class InvalidOptionFailureAnalyzer extends AbstractFailureAnalyzer<InvalidOptionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidOptionException cause) {
        return new FailureAnalysis("Invalid option:\n\n    Property: " + cause.option() + "\n    Value: \""
                + cause.value() + "\"\n    Reason: " + cause.reason(), "Fix the option named above; nothing was run.",
                cause);
    }
}
