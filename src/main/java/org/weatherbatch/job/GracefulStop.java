package org.weatherbatch.job;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.weatherbatch.fetch.RunStop;

/**
 * Stops the run in progress when the application shuts down (SIGTERM, Ctrl-C): the first
 * thing done when the context closes, before any bean the run needs is destroyed. Requests
 * in flight are abandoned, the chunk in progress rolls back, and the execution ends
 * STOPPED, to be restarted from its last commit by the next launch.
 */
class GracefulStop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final RunStop stop;

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition ended = lock.newCondition();

    private boolean running;

    private volatile boolean started;

    public GracefulStop(RunStop stop) {
        this.stop = stop;
    }

    /** @return false when the application is shutting down: the run must not start */
    boolean runStarting() {
        lock.lock();
        try {
            running = started;
            return running;
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
            // not JobOperator.stop: from this thread it would update the step execution under
            // the running step's feet, which then fails on a stale version and ends UNKNOWN
            // (spring-batch #5120)
            stop.raise();
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
