package org.weatherbatch.job;

import java.util.List;

import javax.sql.DataSource;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.fetch.RunStop;
import org.weatherbatch.history.HistoryCommands;
import org.weatherbatch.history.RunHistory;
import org.weatherbatch.input.InputValidation;
import org.weatherbatch.input.StagedZipcodeDao;
import org.weatherbatch.metrics.MetricsPush;
import org.weatherbatch.location.ZipcodeCoordinates;
import org.weatherbatch.output.OutputNameDao;
import org.weatherbatch.report.NightReports;
import org.weatherbatch.report.PageTemplate;
import org.weatherbatch.report.SampleStore;
import org.weatherbatch.summary.FetchPartitions;
import org.weatherbatch.summary.NightRetries;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What operators do with the job from the command line: launch, schedule, stop, look back. */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    @Bean
    RunStarter runStarter(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, RunLeases runLeases,
            RunStop runStop, GracefulStop gracefulStop, FetchPartitions fetchPartitions) {
        return new RunStarter(jobOperator, jobRepository, jobs, runLeases, runStop, gracefulStop, fetchPartitions);
    }

    @Bean
    RunLauncher runLauncher(JobOperator jobOperator, JobRepository jobRepository, Job weatherJob,
            WeatherProperties properties, RunLeases runLeases, RunStarter runStarter, Job retryFailuresJob,
            NightRetries nightRetries, StagedZipcodeDao stagedZipcodes, DataSource dataSource) {
        return new RunLauncher(jobOperator, jobRepository, weatherJob, properties, runLeases, runStarter,
                new FailureRetries(jobRepository, retryFailuresJob, runStarter, nightRetries, properties.units()),
                stagedZipcodes, new OutputNameDao(dataSource));
    }

    @Bean
    GracefulStop gracefulStop(RunStop runStop) {
        return new GracefulStop(runStop);
    }

    /** The process's meters go with the run's; none in a context without Prometheus (a test's, say). */
    @Bean
    MetricsPush metricsPush(WeatherProperties properties, ObjectProvider<PrometheusMeterRegistry> processMeters) {
        return new MetricsPush(properties.metrics().pushgateway(), processMeters.getIfAvailable(),
                properties.metrics().pushAll());
    }

    @Bean
    Retention retention(JobRepository jobRepository, StagedZipcodeDao stagedZipcodes, SampleStore sampleStore) {
        return new Retention(jobRepository, List.of(WeatherJobConfiguration.JOB_NAME,
                WeatherJobConfiguration.RETRY_JOB_NAME), stagedZipcodes, sampleStore);
    }

    @Bean
    InputRuns inputRuns(RunLauncher runLauncher, JobRepository jobRepository, Retention retention,
            WeatherProperties properties) {
        return new InputRuns(runLauncher, new UnfinishedNights(jobRepository, WeatherJobConfiguration.JOB_NAME),
                properties.catchUp(), retention, properties.retention());
    }

    @Bean
    NightlySchedule nightlySchedule(InputRuns inputRuns) {
        return new NightlySchedule(inputRuns);
    }

    @Bean
    InputValidation inputValidation() {
        return new InputValidation(System.out);
    }

    @Bean
    RunHistory runHistory(JobRepository jobRepository, NightRetries nightRetries, RunLeases runLeases) {
        return new RunHistory(jobRepository, WeatherJobConfiguration.JOB_NAME, nightRetries,
                WeatherJobConfiguration.FETCH_STEP, runLeases::liveHolder);
    }

    @Bean
    HistoryCommands historyCommands(RunHistory runHistory) {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        return new HistoryCommands(runHistory, json, System.out);
    }

    /** The night's report page, written after each run and by the report command. */
    @Bean
    NightReports nightReports(JobRepository jobRepository, RunHistory runHistory, SampleStore sampleStore) {
        return new NightReports(jobRepository, runHistory, sampleStore, SingletonSupplier.of(ZipcodeCoordinates::load),
                new PageTemplate(), WeatherJobConfiguration.JOB_NAME, WeatherJobConfiguration.MERGE_STEP);
    }
}
