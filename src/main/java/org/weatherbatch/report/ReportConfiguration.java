package org.weatherbatch.report;

import javax.sql.DataSource;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.fetch.FetchMetrics;
import org.weatherbatch.fetch.WeatherProvider;

/** The nightly report: sampled while each run goes, written when it ends (NightReports: the job's operations). */
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
    RunReportListener runReportListener(JobRepository jobRepository, RunSampler runSampler, NightReports nightReports,
            WeatherProvider weatherProvider, WeatherProperties properties) {
        return new RunReportListener(jobRepository, runSampler, nightReports, weatherProvider.id(),
                properties.units().name());
    }
}
