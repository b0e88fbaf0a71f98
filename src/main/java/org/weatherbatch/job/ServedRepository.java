package org.weatherbatch.job;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a command that only reads the job repository at the process that holds its H2 file
 * and serves it ({@link RepositoryServer}), so that {@code history}, {@code show},
 * {@code status} and {@code report} work while a run is going. Commands that change the
 * repository still need the file to themselves: with it held, they are refused as in use.
 */
class ServedRepository implements EnvironmentPostProcessor, Ordered {

    static final Set<String> READ_ONLY_COMMANDS = Set.of("history", "show", "status", "report");

    private static final String URL = "spring.datasource.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String[] words = environment.getProperty("nonOptionArgs", String[].class, new String[0]);
        String url = environment.getProperty(URL);
        if (words.length == 0 || !READ_ONLY_COMMANDS.contains(words[0]) || url == null) {
            return;
        }
        String username = environment.getProperty("spring.datasource.username");
        String password = environment.getProperty("spring.datasource.password");
        JobRepositoryFile.openedAlone(url, username, password)
                .flatMap(repository -> RepositoryServer.url(repository, username, password))
                .ifPresent(served -> environment.getPropertySources().addFirst(new MapPropertySource("servedRepository",
                        // the serving process created the schema; a reader changes nothing
                        Map.of(URL, served, "spring.batch.jdbc.initialize-schema", "never"))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yml and the command line are read
    }
}
