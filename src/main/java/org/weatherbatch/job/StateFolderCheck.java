package org.weatherbatch.job;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.weatherbatch.config.WeatherProperties;

/**
 * Checks the state folder, and the H2 job repository in it, as the job repository's DataSource
 * is created and before anything connects to it (nothing is checked for another database): a
 * folder that cannot be written or a damaged repository stops the start with a message, not with H2's stack trace or a
 * silently empty history.
 */
@Component
class StateFolderCheck implements BeanPostProcessor {

    private final ObjectProvider<WeatherProperties> properties;

    private final Environment environment;

    StateFolderCheck(ObjectProvider<WeatherProperties> properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource) {
            JobRepositoryFile.of(environment.getProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"))
                    .ifPresent(file -> {
                        StateFolder.checkWritable(properties.getObject().stateDir());
                        file.checkIntact();
                    });
        }
        return bean;
    }
}
