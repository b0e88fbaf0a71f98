package org.weatherbatch.job;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.weatherbatch.config.InvalidOptionException;

/**
 * The long-running mode: launches the run of the input for each tick's date (in the
 * schedule's zone) and keeps going after a failed night, until the process is stopped.
 * A tick that finds its run already completed does nothing. At shutdown (SIGTERM, Ctrl-C)
 * the run in progress is stopped as in one-shot mode ({@link GracefulStop}, stopped first).
 */
class NightlySchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final InputRuns inputRuns;

    private final CountDownLatch closed = new CountDownLatch(1);

    private volatile boolean started;

    private volatile boolean waiting;

    /** Held by a tick while it launches its run: the shutdown waits for it to have said how the run ended. */
    private final ReentrantLock tick = new ReentrantLock();

    NightlySchedule(InputRuns inputRuns) {
        this.inputRuns = inputRuns;
    }

    /** Blocks until the application shuts down. */
    public int runUntilStopped(Path input, String cron, ZoneId zone) throws InterruptedException {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("schedule-");
        scheduler.initialize();
        try {
            scheduler.schedule(() -> launchFor(input, LocalDate.now(zone)), new CronTrigger(cron, zone));
            log.info("Scheduled: {} at \"{}\" ({}), next at {}", input.toAbsolutePath(), cron, zone,
                    CronExpression.parse(cron).next(ZonedDateTime.now(zone)));
            waiting = true;
            closed.await();
            return ExitCodes.COMPLETED;
        }
        finally {
            waiting = false;
            scheduler.shutdown(); // the run in progress, if any, has ended STOPPED by now
        }
    }

    private void launchFor(Path input, LocalDate date) {
        tick.lock();
        try {
            if (!started) {
                return; // a tick as the application shuts down
            }
            int exitCode = inputRuns.launch(input, date, false);
            log.info("The run for {} ended with exit code {}; next run at the next tick.", date, exitCode);
        }
        catch (InvalidOptionException | IllegalStateException | UncheckedIOException | DataAccessException e) {
            log.error("The run for {} could not start: {}; trying again at the next tick.", date, e.getMessage());
        }
        finally {
            tick.unlock();
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

    /** Stopped just after {@link GracefulStop}, which has then stopped the run in progress. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    @Override
    public void stop() {
        started = false;
        try {
            if (tick.tryLock()) {
                if (waiting) {
                    log.warn("Shutting down: no run in progress; the schedule ends.");
                }
            }
            else if (!tick.tryLock(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                return; // the run did not stop (GracefulStop said so)
            }
            tick.unlock();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            closed.countDown();
        }
    }
}
