package org.weatherbatch.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.fetch.RunStop;
import org.weatherbatch.history.HistoryCommands;
import org.weatherbatch.history.RunHistory;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What operators do with the job from the command line: launch, schedule, stop, look back. */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    @Bean
    RunLauncher runLauncher(JobOperator jobOperator, JobRepository jobRepository, Job weatherJob,
            WeatherProperties properties, RunStop runStop, GracefulStop gracefulStop) {
        return new RunLauncher(jobOperator, jobRepository, weatherJob, properties.stateDir(), runStop, gracefulStop);
    }

    @Bean
    GracefulStop gracefulStop(RunStop runStop) {
        return new GracefulStop(runStop);
    }

    @Bean
    NightlySchedule nightlySchedule(RunLauncher runLauncher) {
        return new NightlySchedule(runLauncher);
    }

    @Bean
    HistoryCommands historyCommands(JobRepository jobRepository, WeatherProperties properties) {
        RunHistory history = new RunHistory(jobRepository, WeatherJobConfiguration.JOB_NAME,
                WeatherJobConfiguration.STAGE_STEP, WeatherJobConfiguration.FETCH_STEP);
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        return new HistoryCommands(history, json, System.out, properties.outputDir());
    }
}
