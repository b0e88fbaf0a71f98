package org.weatherbatch.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.weatherbatch.config.InvalidOptionException;
import org.weatherbatch.input.InputFiles;

/**
 * The runs of a night's inputs: each file weather.input names is a run of its own, one after
 * another, sharing the rate limit. A bad file fails its own run only; the exit code is the
 * worst of them.
 */
class InputRuns {

    private static final Logger log = LoggerFactory.getLogger(InputRuns.class);

    /** Exit codes from best to worst. */
    private static final List<Integer> SEVERITY = List.of(ExitCodes.COMPLETED, ExitCodes.POOR,
            ExitCodes.ALREADY_RUNNING, ExitCodes.STOPPED, ExitCodes.FAILED);

    private final RunLauncher launcher;

    private final UnfinishedNights unfinishedNights;

    private final boolean catchUp;

    private final Retention retention;

    private final Duration retained;

    /** @param retained how long runs are kept once ended: the older ones are pruned after each launch; null for ever */
    InputRuns(RunLauncher launcher, UnfinishedNights unfinishedNights, boolean catchUp, Retention retention,
            Duration retained) {
        this.launcher = launcher;
        this.unfinishedNights = unfinishedNights;
        this.catchUp = catchUp;
        this.retention = retention;
        this.retained = retained;
    }

    int launch(Path input, LocalDate date, boolean rerun) {
        int exitCode = launchAll(input, date, rerun);
        if (retained != null) {
            retention.prune(retained, false);
        }
        return exitCode;
    }

    private int launchAll(Path input, LocalDate date, boolean rerun) {
        List<Path> files = InputFiles.of(input);
        if (files.equals(List.of(input))) {
            return launchOne(input, date, rerun);
        }
        Map<Path, Integer> exitCodes = new LinkedHashMap<>();
        for (Path file : files) {
            int exitCode = launchFileOfFolder(file, date, rerun);
            exitCodes.put(file, exitCode);
            if (exitCode == ExitCodes.STOPPED) {
                break; // the process is stopping: the next inputs wait for the next launch
            }
        }
        log.info("Inputs of {} for {}: {} of {} run", input, date, exitCodes.size(), files.size());
        exitCodes.forEach((file, exitCode) -> log.info("  {}: {} (exit {})", file, outcome(exitCode), exitCode));
        return exitCodes.values().stream().max(Comparator.comparingInt(SEVERITY::indexOf))
                .orElse(ExitCodes.COMPLETED);
    }

    private int launchOne(Path file, LocalDate date, boolean rerun) {
        if (catchUp) {
            for (JobExecution night : unfinishedNights.before(file, date)) {
                LocalDate earlier = RunParameters.date(night.getJobParameters());
                log.info("Catching up: finishing the night of {} for {} first (weather.catch-up).", file, earlier);
                if (launcher.launch(file, earlier, false) == ExitCodes.STOPPED) {
                    return ExitCodes.STOPPED;
                }
            }
        }
        return launcher.launch(file, date, rerun);
    }

    /** One file of a folder: a file that can't be read fails its own run. */
    private int launchFileOfFolder(Path file, LocalDate date, boolean rerun) {
        try {
            return launchOne(file, date, rerun);
        }
        catch (InvalidOptionException unreadable) {
            log.error("Not running {}: {}", file, unreadable.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private static String outcome(int exitCode) {
        return switch (exitCode) {
            case ExitCodes.COMPLETED -> "completed";
            case ExitCodes.POOR -> "completed, poor";
            case ExitCodes.ALREADY_RUNNING -> "running elsewhere";
            case ExitCodes.STOPPED -> "stopped";
            default -> "failed";
        };
    }
}
