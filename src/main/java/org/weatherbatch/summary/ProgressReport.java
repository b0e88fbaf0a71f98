package org.weatherbatch.summary;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.weatherbatch.config.Durations;
import org.weatherbatch.fetch.FetchMetrics;
import org.weatherbatch.input.StagedZipcodeDao;

/**
 * Tells how the fetch step is getting on: a progress bar when standard output is a
 * terminal, else a log line at a steady interval (done/total, percent, rate, ETA), for
 * logs read by people and machines alike. The total is the run's staged zipcodes; the rate
 * and the time left count only this execution's work, not what a run restarted had done.
 */
public class ProgressReport implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ProgressReport.class);

    private final StagedZipcodeDao stagedZipcodes;

    private final FetchMetrics progress;

    private final FetchPartitions fetchPartitions;

    private final Duration interval;

    private final boolean terminal;

    private ScheduledExecutorService ticker;

    private ProgressBar bar;

    private Runnable barUpdate;

    public ProgressReport(StagedZipcodeDao stagedZipcodes, FetchMetrics progress, FetchPartitions fetchPartitions,
            Duration interval, boolean terminal) {
        this.stagedZipcodes = stagedZipcodes;
        this.progress = progress;
        this.fetchPartitions = fetchPartitions;
        this.interval = interval;
        this.terminal = terminal;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long total = stagedZipcodes.count(stepExecution.getJobExecution().getJobInstance().getInstanceId());
        long doneBefore = fetchPartitions.total(stepExecution.getJobExecution().getJobInstance());
        long countAtStart = progress.done();
        long started = System.nanoTime();
        ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "progress");
            thread.setDaemon(true);
            return thread;
        });
        if (terminal) {
            bar = bar(total, doneBefore, new SharedTerminal(System.out).install());
            barUpdate = () -> bar.stepTo(doneBefore + progress.done() - countAtStart);
            ticker.scheduleAtFixedRate(barUpdate, 200, 200, TimeUnit.MILLISECONDS);
        }
        else {
            ticker.scheduleAtFixedRate(() -> report(total, doneBefore, progress.done() - countAtStart, started),
                    interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Its rate and time left count only this execution's work: what earlier ones did is its start. */
    static ProgressBar bar(long total, long doneBefore, ProgressBarConsumer terminal) {
        return new ProgressBarBuilder().setTaskName("Fetching").setInitialMax(total)
                .startsFrom(doneBefore, Duration.ZERO).setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" zipcodes", 1).setConsumer(terminal).build();
    }

    private static void report(long total, long doneBefore, long doneNow, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = doneNow / Math.max(seconds, 1e-3);
        long done = doneBefore + doneNow;
        long left = Math.max(total - done, 0);
        log.info("progress: {}/{} zipcodes ({}%), {}/s, ETA {}", done, total,
                String.format("%.1f", total == 0 ? 100.0 : 100.0 * done / total), String.format("%.1f", rate),
                rate > 0 ? Durations.readable(Duration.ofSeconds(Math.round(left / rate))) : "unknown");
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        ticker.shutdownNow();
        if (bar != null) {
            barUpdate.run(); // the bar's last words are the step's end
            bar.close();
        }
        return null;
    }
}
