package org.weatherbatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.weatherbatch.job.ExitCodes;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WeatherBatchApplication {

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = SpringApplication.exit(SpringApplication.run(WeatherBatchApplication.class, args));
        }
        catch (RuntimeException startFailed) {
            // Spring Boot has already logged why (a bad option, most often), before any request
            exitCode = ExitCodes.NOT_STARTED;
        }
        System.exit(exitCode);
    }
}
