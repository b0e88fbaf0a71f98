package org.weatherbatch.config;

import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Names each unknown weather.* option, where it was given, and the known option nearest to it. */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UnknownOptionFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
        String options = cause.getUnboundProperties().stream().map(property -> {
            String name = property.getName().toString();
            return InvalidOptionFailureAnalyzer.describe(name, property.getValue(), property.getOrigin(),
                    "no such option" + OptionCatalog.nearest(name).map(known -> "; did you mean " + known + "?")
                            .orElse(""));
        }).collect(Collectors.joining());
        return new FailureAnalysis("Unknown option:\n" + options, InvalidOptionFailureAnalyzer.ACTION, cause);
    }
}
