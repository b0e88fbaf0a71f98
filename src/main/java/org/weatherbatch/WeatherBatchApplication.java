package org.weatherbatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.weatherbatch.job.CommandLineHelp;
import org.weatherbatch.job.ExitCodes;
import org.weatherbatch.job.JobRepositoryInUseFailureAnalyzer;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WeatherBatchApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the application to its end and returns the process's exit code (see {@link ExitCodes}). */
    public static int run(String... args) {
        if (CommandLineHelp.answered(args, System.out)) {
            return ExitCodes.COMPLETED;
        }
        try {
            return SpringApplication.exit(SpringApplication.run(WeatherBatchApplication.class, args));
        }
        catch (SpringApplication.AbandonedRunException abandoned) {
            throw abandoned; // Spring's build-time processing of the context, or a CDS training run
        }
        catch (RuntimeException startFailed) {
            // Spring Boot has already reported why (a bad option, most often), before any request
            return JobRepositoryInUseFailureAnalyzer.isCauseOf(startFailed) ? ExitCodes.ALREADY_RUNNING
                    : ExitCodes.NOT_STARTED;
        }
    }
}
