package org.weatherbatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WeatherPropertiesTest {

    @Test
    void chunksHold32ZipcodesUpTo128WorkersAndAQuarterOfTheWorkersBeyond() {
        assertThat(bind(Map.of("weather.concurrency", "16")).chunkSize()).isEqualTo(32);
        assertThat(bind(Map.of("weather.concurrency", "128")).chunkSize()).isEqualTo(32);
        assertThat(bind(Map.of("weather.concurrency", "256")).chunkSize()).isEqualTo(64);
        assertThat(bind(Map.of("weather.concurrency", "1024")).chunkSize()).isEqualTo(256);
        assertThat(bind(Map.of("weather.concurrency", "256", "weather.chunk-size", "8")).chunkSize())
                .as("as given").isEqualTo(8);
    }

    @Test
    void asManyPartitionsRunAsWorkersFrom2To64() {
        assertThat(bind(Map.of("weather.concurrency", "1")).partitions()).isEqualTo(2);
        assertThat(bind(Map.of("weather.concurrency", "16")).partitions()).isEqualTo(16);
        assertThat(bind(Map.of("weather.concurrency", "256")).partitions()).isEqualTo(64);
    }

    private static WeatherProperties bind(Map<String, String> options) {
        return new Binder(new MapConfigurationPropertySource(options)).bind("weather", WeatherProperties.class).get();
    }
}
