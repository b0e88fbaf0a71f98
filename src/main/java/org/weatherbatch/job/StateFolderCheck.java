package org.weatherbatch.job;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.weatherbatch.config.WeatherProperties;

/**
 * Checks the state folder as the job repository's DataSource is created and before anything
 * connects to it: a folder that cannot be written stops the start with a message, not with
 * H2's stack trace.
 */
@Component
class StateFolderCheck implements BeanPostProcessor {

    private final ObjectProvider<WeatherProperties> properties;

    StateFolderCheck(ObjectProvider<WeatherProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource) {
            StateFolder.checkWritable(properties.getObject().stateDir());
        }
        return bean;
    }
}
