package org.weatherbatch.job;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An empty database of its own for each test on the test PostgreSQL server (.ci/postgres
 * makes its role), dropped after the test. Where no server answers the test is skipped,
 * saying why; in CI (CI=true) it fails instead, as CI must run it.
 */
public final class PostgresDatabase implements BeforeEachCallback, AfterEachCallback {

    private static final String SERVER = env("WEATHER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");

    public static final String USER = env("WEATHER_TEST_POSTGRES_USER", "weather_batch_test");

    public static final String PASSWORD = env("WEATHER_TEST_POSTGRES_PASSWORD", "pg-pw-that-must-never-leak-6789");

    private String name;

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        name = "weather_batch_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection server = DriverManager.getConnection(SERVER + USER, USER, PASSWORD)) {
            server.createStatement().execute("CREATE DATABASE " + name);
        }
        catch (SQLException unreachable) {
            String why = "no PostgreSQL test server at " + SERVER + " for role " + USER + " ("
                    + unreachable.getMessage() + "); .ci/postgres starts one and makes the role";
            if (Boolean.parseBoolean(System.getenv("CI"))) {
                fail("CI must run the PostgreSQL tests, but there is " + why);
            }
            name = null;
            assumeTrue(false, "Skipped: " + why);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        if (name != null) {
            try (Connection server = DriverManager.getConnection(SERVER + USER, USER, PASSWORD)) {
                server.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    public String url() {
        return SERVER + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    /** The names of the database's tables. */
    List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection db = connect(); ResultSet rows = db.createStatement().executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Every value of every row of every table, as text (bytes as Latin-1: any text in them shows). */
    List<String> values() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = connect()) {
            for (String table : tables()) {
                try (ResultSet rows = db.createStatement().executeQuery("SELECT * FROM " + table)) {
                    while (rows.next()) {
                        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                            Object value = rows.getObject(column);
                            values.add(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                                    : String.valueOf(value));
                        }
                    }
                }
            }
        }
        return values;
    }

    /** The options that point the job repository at this database. */
    String[] options() {
        return new String[] {"--spring.datasource.url=" + url(), "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD};
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
