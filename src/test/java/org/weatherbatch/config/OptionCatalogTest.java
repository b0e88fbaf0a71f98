package org.weatherbatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;

class OptionCatalogTest {

    @Test
    void theDefaultsIdesShowAreTheDefaultsOfApplicationYml() throws Exception {
        var yml = (EnumerablePropertySource<?>) new YamlPropertySourceLoader()
                .load("defaults", new ClassPathResource("application.yml")).get(0);
        Map<String, String> defaults = new TreeMap<>();
        for (String name : yml.getPropertyNames()) {
            String value = String.valueOf(yml.getProperty(name));
            if (name.startsWith("weather.") && !value.contains("${")) { // a placeholder depends on the machine
                defaults.put(name, value);
            }
        }
        Map<String, String> described = new TreeMap<>();
        OptionCatalog.options().stream().filter(option -> option.defaultValue() != null)
                .forEach(option -> described.put(option.name(), option.defaultValue()));

        assertThat(described).as("additional-spring-configuration-metadata.json").isEqualTo(defaults);
        assertThat(OptionCatalog.options()).extracting(OptionCatalog.Option::name).contains("weather.schedule-zone",
                "weather.api.key");
        assertThat(OptionCatalog.options()).allSatisfy(option -> assertThat(option.description()).isNotBlank());
    }

    @Test
    void aMistypedOptionHasItsNearestKnownOneAndNonsenseHasNone() {
        assertThat(OptionCatalog.nearest("weather.concurency")).contains("weather.concurrency");
        assertThat(OptionCatalog.nearest("weather.api.readtimeout")).contains("weather.api.read-timeout");
        assertThat(OptionCatalog.nearest("weather.outputdir")).contains("weather.output-dir");
        assertThat(OptionCatalog.nearest("weather.colour-scheme")).isEmpty();
    }
}
