package org.weatherbatch.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every option of the job, bound from {@code weather.*} (command line, environment,
 * application.yml) and validated before anything runs. Defaults live in application.yml.
 * Every duration is at least a millisecond: they are used in whole milliseconds, and a zero
 * would mean no timeout to the HTTP client, a pause of nothing, or a report that cannot be scheduled.
 * An unknown {@code weather.*} option stops the start too; checks across options are in
 * {@link WeatherOptionsValidator}.
 *
 * @param input the CSV file of zipcodes (checked when a run starts: other commands don't need it)
 * @param date the run date, part of the job's identity; today when not given
 * @param rerun start the night of the input and date again as a new run, fetching everything
 * @param schedule a Spring cron expression: run for each tick's date and keep going; once when not given
 * @param scheduleZone the time zone of the schedule and of its dates; the system's by default
 * @param progressInterval how often the progress of a run is logged
 * @param outputDir the folder the outputs are written to
 * @param stateDir the folder of the H2 job repository (unused with another database)
 * @param concurrency the most requests in flight at once
 * @param partitions how many of the fetch step's partitions (ranges of the input) run side by side; the
 *        concurrency (from 2 to 64) when not given
 * @param chunkSize zipcodes per transaction in each partition; when not given 32, or a quarter of the
 *        concurrency beyond 128
 * @param retention after each launch, forget the runs that ended longer ago than this (see the prune
 *        command); never when not given
 * @param catchUp before a new night of an input, finish its earlier nights that never finished
 *        (with the weather of now); off by default, when they are only warned of
 * @param maxFailureRatio the share of a completed run's zipcodes that may fail before its exit code says
 *        the night's data is poor (exit 5); 1 never
 * @param units units of the answers: the same whichever provider answers
 * @param provider who answers; openweathermap when a key is set, open-meteo otherwise
 * @param api how to reach the weather API
 * @param metrics where the run's metrics go
 * @param lock how a run is kept from running twice at once, on any host
 */
@Validated
@ConfigurationProperties(prefix = "weather", ignoreUnknownFields = false)
public record WeatherProperties(
        @NotNull Path input,
        LocalDate date,
        boolean rerun,
        String schedule,
        @NotNull ZoneId scheduleZone,
        @NotNull @DurationMin(millis = 1) Duration progressInterval,
        @NotNull Path outputDir,
        @NotNull Path stateDir,
        @Min(1) @Max(1024) int concurrency,
        @Positive Integer partitions,
        @Positive Integer chunkSize,
        @DecimalMin("0") @DecimalMax("1") double maxFailureRatio,
        @DurationMin(hours = 1) Duration retention,
        boolean catchUp,
        @NotNull Units units,
        Provider provider,
        @Valid @NotNull Api api,
        @Valid @NotNull Lock lock,
        @Valid @NotNull Metrics metrics) {

    /** A partition per worker: the others keep the workers busy while some wait on a slow answer. */
    static final int MAX_PARTITIONS = 64;

    /**
     * Commits (three fsyncs and an H2 store each) a few dozen a second at full speed: beyond 128
     * workers a chunk holds a quarter of them, so that the commits stop growing with the workers
     * (at 256, chunks of 64 took 8% less CPU and the fetch 10% less time than chunks of 32).
     */
    static final int CHUNK_SIZE = 32;

    public WeatherProperties {
        if (date == null) {
            date = LocalDate.now();
        }
        if (partitions == null) {
            partitions = Math.min(Math.max(concurrency, 2), MAX_PARTITIONS);
        }
        if (chunkSize == null) {
            chunkSize = Math.max(CHUNK_SIZE, concurrency / 4);
        }
    }

    /**
     * @param lease how long a run's lease in the job repository lasts unless renewed: while its
     *        run is alive it is renewed every third of it; once a host running it has died, the
     *        run can be taken over by another host after at most this long
     */
    public record Lock(@NotNull @DurationMin(seconds = 1) Duration lease) {
    }

    /**
     * @param pushgateway the Prometheus Pushgateway that each run's metrics are pushed to when
     *        it ends (http://host:9091); none when not given
     * @param pushAll push the process's other metrics too (JVM, connection pool, Spring Batch's)
     */
    public record Metrics(URI pushgateway, boolean pushAll) {
    }

    public enum Provider {
        OPENWEATHERMAP, OPEN_METEO
    }

    /** How OpenWeatherMap is asked for a zipcode's weather. */
    public enum Lookup {
        /** By {@code zip=}: OpenWeatherMap's own geocoder, which it calls deprecated. */
        ZIP,
        /** By {@code lat=}/{@code lon=} from the bundled zipcode table. */
        COORDINATES
    }

    public enum Units {
        STANDARD, METRIC, IMPERIAL;

        /** The value of the API's {@code units} query parameter. */
        public String queryValue() {
            return name().toLowerCase();
        }
    }

    /**
     * @param baseUrl scheme, host and port of the API; the provider's own when not given
     * @param key the OpenWeatherMap key; also read from the environment variable WEATHER_API_KEY
     * @param lookup how OpenWeatherMap is asked: by zipcode or by coordinates
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for a whole answer
     * @param maxAttempts attempts per zipcode before it is written to the failures file
     * @param retryBackoff the wait before the first retry; it doubles, with jitter, at each retry
     * @param failureThreshold consecutive failed requests after which the API is taken to be down
     * @param requestsPerMinute requests a minute at most, shared by all workers (with a PostgreSQL job
     *        repository, by all hosts with the key); the provider's free plan's when not given; 0 lifts
     *        every limit
     * @param requestsPerHour requests an hour at most; the provider's when not given; 0 for none
     * @param requestsPerDay requests a day at most; the provider's when not given; 0 for none
     * @param throttlePause how long all workers pause after a 429 that names no wait
     * @param throttlePatience how long the API may keep answering 429 before the run fails
     */
    public record Api(
            URI baseUrl,
            String key,
            @NotNull Lookup lookup,
            @NotNull @DurationMin(millis = 1) Duration connectTimeout,
            @NotNull @DurationMin(millis = 1) Duration readTimeout,
            @Min(1) @Max(20) int maxAttempts,
            @NotNull @DurationMin(millis = 1) Duration retryBackoff,
            @Min(1) int failureThreshold,
            @Min(0) Integer requestsPerMinute,
            @Min(0) Integer requestsPerHour,
            @Min(0) Integer requestsPerDay,
            @NotNull @DurationMin(millis = 1) Duration throttlePause,
            @NotNull @DurationMin(millis = 1) Duration throttlePatience) {

        public boolean hasKey() {
            return key != null && !key.isBlank();
        }

        /** Never prints the key: records print every component by default. */
        @Override
        public String toString() {
            return "Api[baseUrl=" + baseUrl + ", key=" + (hasKey() ? "(hidden)" : "(none)") + ", lookup=" + lookup
                    + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                    + ", maxAttempts=" + maxAttempts + ", retryBackoff=" + retryBackoff
                    + ", failureThreshold=" + failureThreshold
                    + ", requestsPerMinute=" + requestsPerMinute + ", requestsPerHour=" + requestsPerHour
                    + ", requestsPerDay=" + requestsPerDay + ", throttlePause=" + throttlePause
                    + ", throttlePatience=" + throttlePatience + "]";
        }
    }
}
