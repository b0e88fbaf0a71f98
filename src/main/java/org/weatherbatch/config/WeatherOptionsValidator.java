package org.weatherbatch.config;

import java.net.URI;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Role;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.weatherbatch.config.WeatherProperties.Provider;

/**
 * The checks of {@link WeatherProperties} that a constraint annotation cannot express, each
 * reported against the option to fix. Spring Boot applies a bean of this name to every
 * {@code @ConfigurationProperties} as they are bound.
 */
@Component("configurationPropertiesValidator")
@Role(BeanDefinition.ROLE_INFRASTRUCTURE) // needed by a BeanPostProcessor, so made before the others

class WeatherOptionsValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return WeatherProperties.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        WeatherProperties options = (WeatherProperties) target;
        if (options.schedule() != null && !CronExpression.isValidExpression(options.schedule())) {
            errors.rejectValue("schedule", "cron", "not a Spring cron expression of six fields (second minute "
                    + "hour day-of-month month day-of-week), e.g. \"0 0 2 * * *\" for 02:00 every night");
        }
        if (options.rerun() && options.schedule() != null) {
            errors.rejectValue("rerun", "once", "weather.rerun starts one night again: it cannot go with "
                    + "weather.schedule");
        }
        if (options.provider() == Provider.OPENWEATHERMAP && !options.api().hasKey()) {
            errors.rejectValue("provider", "key", "openweathermap needs a key: pass --weather.api.key=... or set "
                    + "the environment variable WEATHER_API_KEY (or leave weather.provider unset to use keyless "
                    + "open-meteo)");
        }
        URI pushgateway = options.metrics().pushgateway();
        if (pushgateway != null && (pushgateway.getHost() == null
                || !("http".equals(pushgateway.getScheme()) || "https".equals(pushgateway.getScheme())))) {
            errors.rejectValue("metrics.pushgateway", "url", "not an http:// or https:// URL with a host, e.g. "
                    + "http://pushgateway:9091");
        }
    }
}
