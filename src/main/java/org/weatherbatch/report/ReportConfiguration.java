package org.weatherbatch.report;

import javax.sql.DataSource;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.fetch.FetchMetrics;
import org.weatherbatch.fetch.WeatherProvider;
import org.weatherbatch.history.RunHistory;
import org.weatherbatch.job.WeatherJobConfiguration;
import org.weatherbatch.location.ZipcodeCoordinates;
import org.weatherbatch.summary.FetchPartitions;

/** The nightly report: sampled while each run goes, written when it ends and by the report command. */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

    @Bean
    SampleStore sampleStore(DataSource dataSource) {
        return new SampleStore(dataSource);
    }

    @Bean
    RunSampler runSampler(FetchMetrics fetchMetrics, SampleStore sampleStore) {
        return new RunSampler(fetchMetrics, sampleStore, System::currentTimeMillis);
    }

    @Bean
    NightReports nightReports(JobRepository jobRepository, FetchPartitions fetchPartitions, SampleStore sampleStore) {
        RunHistory history = new RunHistory(jobRepository, WeatherJobConfiguration.JOB_NAME,
                WeatherJobConfiguration.STAGE_STEP, fetchPartitions);
        return new NightReports(jobRepository, history, sampleStore, SingletonSupplier.of(ZipcodeCoordinates::load),
                new PageTemplate(), WeatherJobConfiguration.JOB_NAME, WeatherJobConfiguration.MERGE_STEP);
    }

    @Bean
    RunReportListener runReportListener(JobRepository jobRepository, RunSampler runSampler, NightReports nightReports,
            WeatherProvider weatherProvider, WeatherProperties properties) {
        return new RunReportListener(jobRepository, runSampler, nightReports, weatherProvider.id(),
                properties.units().name());
    }
}
