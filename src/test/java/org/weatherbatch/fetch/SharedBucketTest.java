package org.weatherbatch.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.bucket4j.BlockingBucket;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.weatherbatch.job.PostgresDatabase;

/** The rate limits' bucket in a PostgreSQL job repository, as hosts that start one after another see it. */
class SharedBucketTest {

    @RegisterExtension
    final PostgresDatabase postgres = new PostgresDatabase();

    /** The least wait a blocking bucket takes: a token there is now, or not. */
    private static final Duration AT_ONCE = Duration.ofMillis(1);

    private DataSource database;

    @BeforeEach
    void jobTables() throws SQLException {
        try (Connection db = postgres.connect()) {
            ScriptUtils.executeSqlScript(db, new ClassPathResource("org/weatherbatch/schema-postgresql.sql"));
        }
        database = new DriverManagerDataSource(postgres.url(), PostgresDatabase.USER, PostgresDatabase.PASSWORD);
    }

    @Test
    void theLimitsOfTheHostThatStartedLastHoldForAllKeepingWhatTheDayHasUsed() throws Exception {
        // 4 a day: 2 at once, then 2 a day
        BlockingBucket first = SharedBucket.of(database, "openweathermap", "k3y", new RateLimits(0, 0, 4));
        assertThat(first.tryConsume(2, AT_ONCE)).isTrue();
        Thread.sleep(5); // a later start

        // 400,000 a day: 200,000 at once, then about 2 a second
        BlockingBucket second = SharedBucket.of(database, "openweathermap", "k3y", new RateLimits(0, 0, 400_000));

        assertThat(second.tryConsume(1, AT_ONCE)).as("the day's tokens used by the first host").isFalse();
        assertThat(first.tryConsume(1, Duration.ofSeconds(10))).as("the first host at the new rate").isTrue();
    }

    @Test
    void eachKeyHasABucketOfItsOwnNamedByTheKeysHash() throws Exception {
        RateLimits oneAMinute = new RateLimits(1, 0, 0);

        assertThat(SharedBucket.of(database, "openweathermap", "k3y-one", oneAMinute).tryConsume(1, AT_ONCE))
                .isTrue();
        assertThat(SharedBucket.of(database, "openweathermap", "k3y-two", oneAMinute).tryConsume(1, AT_ONCE))
                .isTrue();
        assertThat(SharedBucket.of(database, "open-meteo", null, oneAMinute).tryConsume(1, AT_ONCE))
                .isTrue();

        // the SHA-256 of "k3y-one", of "k3y-two" and of nothing (sha256sum)
        assertThat(bucketNames()).containsExactlyInAnyOrder(
                "openweathermap:e873590bc776740732d37d48241be797e10f5eefa2fc363ecc9dfa07461dd73d",
                "openweathermap:5f87ff1633797030f9ab2986f70edabc8c6993c44c9d7b8f7bce1189334ea3be",
                "open-meteo:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    private List<String> bucketNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection db = postgres.connect();
                ResultSet rows = db.createStatement().executeQuery("SELECT id FROM weather_rate_limit")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
