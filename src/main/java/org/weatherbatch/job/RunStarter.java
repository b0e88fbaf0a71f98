package org.weatherbatch.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.weatherbatch.fetch.RunStop;
import org.weatherbatch.output.CommittedOutputs;
import org.weatherbatch.output.OutputFiles;
import org.weatherbatch.output.PartMergeTasklet;
import org.weatherbatch.summary.FetchPartitions;

/**
 * Starts a run's executions, a night's or a retry's, under the night's lease: a new one, or
 * the restart of an unfinished one from its last commit, recovered first when the process
 * that ran it is gone, and refused when the outputs its commits wrote are gone.
 */
class RunStarter {

    private static final Logger log = LoggerFactory.getLogger(RunStarter.class);

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final Map<String, Job> jobs;

    private final RunLeases leases;

    private final RunStop stop;

    private final GracefulStop gracefulStop;

    private final FetchPartitions fetchPartitions;

    RunStarter(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, RunLeases leases, RunStop stop,
            GracefulStop gracefulStop, FetchPartitions fetchPartitions) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
        this.leases = leases;
        this.stop = stop;
        this.gracefulStop = gracefulStop;
        this.fetchPartitions = fetchPartitions;
    }

    /** Launches holding the night's lease: no other live process, on any host, runs it or retries it. */
    int holdingLease(String run, IntSupplier launch) {
        Optional<RunLease> lease = leases.tryAcquire(run);
        if (lease.isEmpty()) {
            log.error("The run of {} is already running in process {}; not starting it twice.", run,
                    leases.holder(run));
            return ExitCodes.ALREADY_RUNNING;
        }
        try (RunLease held = lease.get()) {
            return launch.getAsInt();
        }
    }

    /**
     * Restarts an unfinished execution's run from its last commit.
     *
     * @param what the run as the log names it, e.g. "run of /data/zipcodes.csv for 2026-11-27"
     */
    int resume(JobExecution last, String what) {
        List<String> damage = CommittedOutputs.damage(partsWritten(last));
        if (!damage.isEmpty()) {
            log.error("Not restarting the {} {}: the outputs of its committed part are gone ({}); a restart "
                    + "would go on after them and the night's files would lack those lines. Restore the files and "
                    + "launch again; or start the night again with --weather.rerun (it fetches every zipcode again).",
                    last.getStatus(), what, String.join("; ", damage));
            return ExitCodes.FAILED;
        }
        if (last.isRunning()) {
            log.warn("Execution {} of the {} was left {} by a process that is gone (killed or crashed): "
                    + "marking it FAILED and restarting from its last commit.", last.getId(), what, last.getStatus());
            KilledRunRecovery.recover(jobOperator, jobRepository, last.getId());
        }
        else {
            log.info("Restarting the {} {} from its last commit.", last.getStatus(), what);
        }
        return start(jobs.get(last.getJobInstance().getJobName()), last.getJobParameters(), what);
    }

    /** The part files the run's steps have written, with the contexts that hold their committed positions. */
    private Map<OutputFiles, ExecutionContext> partsWritten(JobExecution last) {
        JobInstance run = last.getJobInstance();
        OutputFiles outputs = OutputFiles.at(last.getJobParameters().getString(OutputFiles.PARAMETER));
        Map<OutputFiles, ExecutionContext> parts = new LinkedHashMap<>();
        StepExecution merge = jobRepository.getLastStepExecution(run, WeatherJobConfiguration.MERGE_STEP);
        if (merge != null && PartMergeTasklet.merged(merge.getExecutionContext())) {
            return parts; // in the night's outputs now, and being removed
        }
        StepExecution stage = jobRepository.getLastStepExecution(run, WeatherJobConfiguration.STAGE_STEP);
        if (stage != null) {
            parts.put(outputs.stagePart(run.getInstanceId()), stage.getExecutionContext());
        }
        List<StepExecution> partitions = fetchPartitions.latest(run);
        for (int part = 0; part < partitions.size(); part++) {
            parts.put(outputs.part(run.getInstanceId(), part), partitions.get(part).getExecutionContext());
        }
        return parts;
    }

    /** @param what the run as the log names it */
    int start(Job job, JobParameters parameters, String what) {
        stop.reset();
        if (!gracefulStop.runStarting()) {
            log.warn("Not starting the {}: the application is shutting down.", what);
            return ExitCodes.STOPPED;
        }
        try {
            return ExitCodes.of(jobOperator.start(job, parameters));
        }
        catch (JobExecutionException e) {
            log.error("Could not launch the {}: {}", what, e.getMessage());
            return ExitCodes.FAILED;
        }
        finally {
            gracefulStop.runEnded();
        }
    }
}
