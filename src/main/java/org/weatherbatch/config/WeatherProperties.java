package org.weatherbatch.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every option of the job, bound from {@code weather.*} (command line, environment,
 * application.yml) and validated before anything runs. Defaults live in application.yml.
 *
 * @param input the CSV file of zipcodes
 * @param date the run date, part of the job's identity; today when not given
 * @param outputDir the folder the outputs are written to
 * @param stateDir the folder of the job's own state: the H2 job repository and the run locks
 * @param concurrency the most requests in flight at once
 * @param chunkSize items per transaction; a small multiple of the concurrency when not given
 * @param units units of the API's answers
 * @param api how to reach the weather API
 */
@Validated
@ConfigurationProperties("weather")
public record WeatherProperties(
        @NotNull @ReadableFile Path input,
        LocalDate date,
        @NotNull Path outputDir,
        @NotNull Path stateDir,
        @Min(1) @Max(1024) int concurrency,
        @Positive Integer chunkSize,
        @NotNull Units units,
        @Valid @NotNull Api api) {

    /** Chunks this many times larger than the concurrency keep every worker busy between commits. */
    static final int CHUNKS_PER_CONCURRENCY = 4;

    public WeatherProperties {
        if (date == null) {
            date = LocalDate.now();
        }
        if (chunkSize == null) {
            chunkSize = Math.max(concurrency, 1) * CHUNKS_PER_CONCURRENCY;
        }
    }

    public enum Units {
        STANDARD, METRIC, IMPERIAL;

        /** The value of the API's {@code units} query parameter. */
        public String queryValue() {
            return name().toLowerCase();
        }
    }

    /**
     * @param baseUrl scheme, host and port of the API
     * @param key the API key; also read from the environment variable WEATHER_API_KEY
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for a whole answer
     * @param maxAttempts attempts per zipcode before it is written to the failures file
     * @param retryBackoff the wait before the first retry; it doubles, with jitter, at each retry
     * @param failureThreshold consecutive failed requests after which the API is taken to be down
     * @param requestsPerMinute the client-side rate limit shared by all workers; 0 means none
     * @param throttlePause how long all workers pause after a 429 that names no Retry-After
     * @param throttlePatience how long the API may keep answering 429 before the run fails
     */
    public record Api(
            @NotNull URI baseUrl,
            @NotBlank(message = "must be set: pass --weather.api.key=... or set the environment variable WEATHER_API_KEY")
            String key,
            @NotNull Duration connectTimeout,
            @NotNull Duration readTimeout,
            @Min(1) @Max(20) int maxAttempts,
            @NotNull Duration retryBackoff,
            @Min(1) int failureThreshold,
            @Min(0) int requestsPerMinute,
            @NotNull Duration throttlePause,
            @NotNull Duration throttlePatience) {

        /** Never prints the key: records print every component by default. */
        @Override
        public String toString() {
            return "Api[baseUrl=" + baseUrl + ", key=" + "(hidden)"
                    + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                    + ", maxAttempts=" + maxAttempts + ", retryBackoff=" + retryBackoff
                    + ", failureThreshold=" + failureThreshold
                    + ", requestsPerMinute=" + requestsPerMinute + ", throttlePause=" + throttlePause
                    + ", throttlePatience=" + throttlePatience + "]";
        }
    }
}
