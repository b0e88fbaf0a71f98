package org.weatherbatch.input;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** An in-memory H2 database of the test's own for staged zipcodes, shut down after the test. */
class StagingDatabase implements AfterEachCallback {

    private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder()
            .setType(EmbeddedDatabaseType.H2)
            .generateUniqueName(true)
            .build();

    final StagedZipcodeDao staged = new StagedZipcodeDao(database);

    DataSource dataSource() {
        return database;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        database.shutdown();
    }
}
