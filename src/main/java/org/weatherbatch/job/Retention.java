package org.weatherbatch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.weatherbatch.history.RunHistory;
import org.weatherbatch.input.StagedZipcodeDao;
import org.weatherbatch.output.OutputFiles;
import org.weatherbatch.report.SampleStore;
import org.weatherbatch.config.Durations;

/**
 * The {@code prune} command: forgets the runs that ended before a limit, whatever became of
 * them, nights and retries of their failures alike (Spring Batch's tables grow without bound
 * otherwise): their history, staging, part
 * files and report samples, and with --outputs their night's files. A run left running is
 * never touched: launching it again recovers it first.
 */
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JobRepository jobRepository;

    private final List<String> jobNames;

    private final StagedZipcodeDao stagedZipcodes;

    private final SampleStore samples;

    /** @param jobNames the nights' job and the retries' */
    Retention(JobRepository jobRepository, List<String> jobNames, StagedZipcodeDao stagedZipcodes,
            SampleStore samples) {
        this.jobRepository = jobRepository;
        this.jobNames = jobNames;
        this.stagedZipcodes = stagedZipcodes;
        this.samples = samples;
    }

    int prune(Duration olderThan, boolean outputs) {
        LocalDateTime limit = LocalDateTime.now().minus(olderThan);
        int pruned = 0;
        for (String jobName : jobNames) {
            for (JobInstance run : jobRepository.getJobInstances(jobName, 0, Integer.MAX_VALUE)) {
                JobExecution last = jobRepository.getLastJobExecution(run);
                if (last == null || last.isRunning() || !RunHistory.lastUpdated(last).isBefore(limit)) {
                    continue;
                }
                forget(run, last, outputs);
                pruned++;
            }
        }
        log.info("Pruned {} runs that ended before {} ({} ago){}.", pruned, limit.withNano(0),
                Durations.readable(olderThan), outputs ? ", with their outputs" : "");
        return ExitCodes.COMPLETED;
    }

    private void forget(JobInstance run, JobExecution last, boolean outputs) {
        OutputFiles files = OutputFiles.at(last.getJobParameters().getString(OutputFiles.PARAMETER));
        stagedZipcodes.drop(run.getInstanceId());
        try {
            files.deleteParts(run.getInstanceId());
            if (outputs) {
                for (Path file : List.of(files.jsonLines(), files.csv(), files.failures(), files.report())) {
                    Files.deleteIfExists(file);
                }
            }
        }
        catch (IOException e) {
            log.warn("Could not remove the files of {}: {}", RunParameters.name(last.getJobParameters()), e.toString());
        }
        jobRepository.getJobExecutions(run).forEach(execution -> samples.delete(execution.getId()));
        jobRepository.deleteJobInstance(run);
        log.info("  {} ({}, execution {})", RunParameters.name(last.getJobParameters()), last.getStatus(),
                last.getId());
    }
}
