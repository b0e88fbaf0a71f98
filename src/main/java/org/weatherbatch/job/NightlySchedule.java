package org.weatherbatch.job;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.weatherbatch.config.InvalidOptionException;

/**
 * The long-running mode: launches the run of the input for each tick's date (in the
 * schedule's zone) and keeps going after a failed night, until the process is stopped.
 * A tick that finds its run already completed does nothing.
 */
class NightlySchedule implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

    private final RunLauncher launcher;

    private final CountDownLatch closed = new CountDownLatch(1);

    public NightlySchedule(RunLauncher launcher) {
        this.launcher = launcher;
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
            closed.await();
            return ExitCodes.COMPLETED;
        }
        finally {
            scheduler.shutdown();
        }
    }

    private void launchFor(Path input, LocalDate date) {
        try {
            int exitCode = launcher.launch(input, date);
            log.info("The run for {} ended with exit code {}; next run at the next tick.", date, exitCode);
        }
        catch (InvalidOptionException | IllegalStateException | UncheckedIOException | DataAccessException e) {
            log.error("The run for {} could not start: {}; trying again at the next tick.", date, e.getMessage());
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closed.countDown();
    }
}
