package org.weatherbatch.job;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.fetch.RunStop;

/** What the job keeps in the job repository's database beside Spring Batch's tables. */
@Configuration(proxyBeanMethods = false)
public class JobDatabaseConfiguration {

    private static final String SCHEMA = "classpath:org/weatherbatch/schema-@@platform@@.sql";

    /**
     * The job's own tables (schema-h2.sql, schema-postgresql.sql), created when missing before
     * the job repository is used, whenever Spring Batch's schema is (spring.batch.jdbc.initialize-schema).
     */
    @Bean
    DataSourceScriptDatabaseInitializer jobTablesInitializer(DataSource dataSource,
            @Value("${spring.batch.jdbc.initialize-schema}") DatabaseInitializationMode mode) {
        DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
        List<String> locations = new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource, SCHEMA);
        settings.setSchemaLocations(locations);
        settings.setMode(mode);
        // two hosts starting on an empty PostgreSQL race on CREATE TABLE IF NOT EXISTS, which is not atomic
        // there: the loser's "duplicate key" is harmless, the table is there; a real failure shows at first use
        settings.setContinueOnError(true);
        return new DataSourceScriptDatabaseInitializer(dataSource, settings);
    }

    @Bean
    RepositoryServer repositoryServer(DataSource dataSource, @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password) {
        return new RepositoryServer(dataSource, JobRepositoryFile.openedAlone(url, username, password).orElse(null));
    }

    @Bean
    RunLeases runLeases(DataSource dataSource, WeatherProperties properties, RunStop runStop,
            @Value("${spring.datasource.url}") String url) {
        return new RunLeases(dataSource, properties.lock().lease(), JobRepositoryFile.opensAlone(url), runStop);
    }
}
