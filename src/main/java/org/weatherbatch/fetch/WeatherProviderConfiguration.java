package org.weatherbatch.fetch;

import java.net.URI;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.BlockingBucket;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.config.WeatherProperties.Provider;
import org.weatherbatch.location.ZipcodeCoordinates;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the weather provider (the one asked for; else OpenWeatherMap when a key is set,
 * keyless Open-Meteo otherwise), its base URL and its rate limits, and says so at start.
 */
@Configuration(proxyBeanMethods = false)
public class WeatherProviderConfiguration {

    @Bean
    WeatherProvider weatherProvider(WeatherProperties properties) {
        WeatherProperties.Api api = properties.api();
        Provider chosen = chosenProvider(properties);
        // loaded when the first zipcode is turned into coordinates, not at every start
        Supplier<ZipcodeCoordinates> coordinates = SingletonSupplier.of(ZipcodeCoordinates::load);
        return switch (chosen) {
            case OPENWEATHERMAP -> new OpenWeatherMap(baseUrl(api, OpenWeatherMap.BASE_URL), api.key(),
                    properties.units(), api.lookup(), coordinates);
            case OPEN_METEO -> new OpenMeteo(baseUrl(api, OpenMeteo.BASE_URL), properties.units(), coordinates);
        };
    }

    @Bean
    RateLimits rateLimits(WeatherProperties properties, WeatherProvider weatherProvider) {
        WeatherProperties.Api api = properties.api();
        RateLimits plan = weatherProvider.plan();
        if (api.requestsPerMinute() != null && api.requestsPerMinute() == 0) {
            return new RateLimits(0, 0, 0);
        }
        return new RateLimits(orDefault(api.requestsPerMinute(), plan.perMinute()),
                orDefault(api.requestsPerHour(), plan.perHour()), orDefault(api.requestsPerDay(), plan.perDay()));
    }

    /**
     * Holds requests within the rate limits in a bucket that, in a PostgreSQL job repository, all
     * hosts with the same key share; in an H2 one (one machine) the bucket is this process's.
     */
    @Bean
    WeatherClient weatherClient(WeatherProvider weatherProvider, WeatherProperties properties, RateLimits rateLimits,
            JsonMapper weatherJsonMapper, FetchMetrics fetchMetrics, RunStop runStop, DataSource dataSource,
            @Value("${spring.datasource.url}") String url) {
        Supplier<BlockingBucket> bucket = DatabaseDriver.fromJdbcUrl(url) == DatabaseDriver.POSTGRESQL
                ? () -> SharedBucket.of(dataSource, weatherProvider.id(), properties.api().key(), rateLimits)
                : rateLimits::bucket;
        return new WeatherClient(weatherProvider, properties.api(), properties.concurrency(),
                rateLimits.any() ? bucket : null, weatherJsonMapper, fetchMetrics, runStop);
    }

    @Bean
    FetchMetrics fetchMetrics(MeterRegistry meterRegistry) {
        return new FetchMetrics(meterRegistry);
    }

    /**
     * Spring Batch observes every item read and processed: at a million input lines those
     * observations cost more than the staging itself. Job, step and chunk observations stay;
     * the per-zipcode story is told by weather.fetch.* instead.
     */
    @Bean
    ObservationPredicate noItemObservations() {
        return (name, context) -> !name.startsWith("spring.batch.item.");
    }

    /** Said when a fetch starts: who answers, where, why, and within which limits. */
    @Bean
    ProviderChoice providerChoice(WeatherProvider weatherProvider, WeatherProperties properties,
            RateLimits rateLimits) {
        return new ProviderChoice(weatherProvider.id(), weatherProvider.baseUrl(), why(properties), rateLimits);
    }

    /** Keeps the API's numbers exactly as received when its answers are written out. */
    @Bean
    JsonMapper weatherJsonMapper() {
        return JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    private static Provider chosenProvider(WeatherProperties properties) {
        if (properties.provider() != null) {
            return properties.provider();
        }
        return properties.api().hasKey() ? Provider.OPENWEATHERMAP : Provider.OPEN_METEO;
    }

    private static String why(WeatherProperties properties) {
        if (properties.provider() != null) {
            return "weather.provider says so";
        }
        return properties.api().hasKey() ? "an API key is set" : "no API key is set, and Open-Meteo needs none";
    }

    private static URI baseUrl(WeatherProperties.Api api, URI providersOwn) {
        return api.baseUrl() != null ? api.baseUrl() : providersOwn;
    }

    private static int orDefault(Integer configured, int plan) {
        return configured != null ? configured : plan;
    }
}
