package org.weatherbatch.config;

import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports an option that failed validation by the name and value it was given
 * ({@code weather.progress-interval}, "0s"), where Spring Boot's own report names the record's
 * component and its converted value ({@code weather.progressInterval}, "PT0S").
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OptionValueFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
        ValidationErrors errors = cause.getValidationErrors();
        String options = errors.getAllErrors().stream().map(error -> describe(errors, error))
                .collect(Collectors.joining());
        return new FailureAnalysis("Invalid option:\n" + options, InvalidOptionFailureAnalyzer.ACTION, cause);
    }

    private static String describe(ValidationErrors errors, ObjectError error) {
        if (!(error instanceof FieldError field)) {
            return "\n    Property: " + errors.getName() + "\n    Reason: " + error.getDefaultMessage() + "\n";
        }
        String option = errors.getName() + "." + field.getField().replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase();
        ConfigurationProperty given = errors.getBoundProperties().stream()
                .filter(property -> property.getName().equals(ConfigurationPropertyName.of(option)))
                .findFirst().orElse(null);
        return InvalidOptionFailureAnalyzer.describe(option,
                given == null ? field.getRejectedValue() : given.getValue(),
                given == null ? null : given.getOrigin(), field.getDefaultMessage());
    }
}
