package org.weatherbatch.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.weatherbatch.summary.FailureText;

/**
 * Samples each execution while it runs and writes the night's report when it ends, however
 * it ends. A report that cannot be written is said on the log and changes nothing of the run.
 */
public class RunReportListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunReportListener.class);

    private final JobRepository jobRepository;

    private final RunSampler sampler;

    private final NightReports reports;

    private final String provider;

    private final String units;

    /** @param provider and units: the report of a past run draws it in the provider and units it ran with */
    public RunReportListener(JobRepository jobRepository, RunSampler sampler, NightReports reports, String provider,
            String units) {
        this.jobRepository = jobRepository;
        this.sampler = sampler;
        this.reports = reports;
        this.provider = provider;
        this.units = units;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        jobExecution.getExecutionContext().putString(NightReports.PROVIDER, provider);
        jobExecution.getExecutionContext().putString(NightReports.UNITS, units);
        jobRepository.updateExecutionContext(jobExecution);
        sampler.start(jobExecution.getId());
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        try {
            sampler.stop();
            log.info("  report: {}", reports.write(jobExecution));
        }
        catch (RuntimeException e) {
            log.warn("  no report for this run: {}", FailureText.of(e));
        }
    }
}
