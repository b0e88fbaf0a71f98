package org.weatherbatch.job;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.SmartLifecycle;
import org.weatherbatch.fetch.RunStop;

/**
 * Stops the run in progress when the application shuts down (SIGTERM, Ctrl-C): the first
 * thing done when the context closes, before any bean the run needs is destroyed. Requests
 * in flight are abandoned, the chunk in progress rolls back, and the execution ends
 * STOPPED, to be restarted from its last commit by the next launch.
 */
public class GracefulStop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final RunStop stop;

    private final String jobName;

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition ended = lock.newCondition();

    private boolean running;

    private volatile boolean started;

    public GracefulStop(JobOperator jobOperator, JobRepository jobRepository, RunStop stop, String jobName) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.stop = stop;
        this.jobName = jobName;
    }

    void runStarting() {
        lock.lock();
        try {
            running = true;
        }
        finally {
            lock.unlock();
        }
    }

    void runEnded() {
        lock.lock();
        try {
            running = false;
            ended.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Stopped first when the context closes, started last. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void stop() {
        started = false;
        lock.lock();
        try {
            if (!running) {
                return;
            }
            log.warn("Shutting down: stopping the run in progress; it can be restarted from its last commit.");
            stop.raise();
            for (JobExecution execution : jobRepository.findRunningJobExecutions(jobName)) {
                try {
                    jobOperator.stop(execution);
                }
                catch (JobExecutionNotRunningException alreadyEnded) {
                    // ended on its own meanwhile
                }
            }
            long waitNanos = PATIENCE.toNanos();
            while (running && waitNanos > 0) {
                waitNanos = ended.awaitNanos(waitNanos);
            }
            if (running) {
                log.error("The run did not stop within {} s; the next launch will recover it.", PATIENCE.toSeconds());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            lock.unlock();
        }
    }
}
