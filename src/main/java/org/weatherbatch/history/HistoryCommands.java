package org.weatherbatch.history;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.weatherbatch.input.ZipcodeLine.Kind;
import org.weatherbatch.output.OutputFiles;
import org.weatherbatch.config.Durations;
import org.weatherbatch.summary.RunSummaryListener;

import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's view of past runs: {@code history} lists them, {@code show <id>} tells one
 * in detail with its first failures. Text for a terminal, {@code --json} for scripts.
 */
public class HistoryCommands {

    static final int FAILURES_SHOWN = 20;

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final RunHistory history;

    private final JsonMapper json;

    private final PrintStream out;

    public HistoryCommands(RunHistory history, JsonMapper json, PrintStream out) {
        this.history = history;
        this.json = json;
        this.out = out;
    }

    public int list(int limit, boolean asJson) {
        List<RunRecord> runs = history.recent(limit);
        if (asJson) {
            out.println(json.writeValueAsString(runs));
            return 0;
        }
        if (runs.isEmpty()) {
            out.println("No runs yet.");
            return 0;
        }
        out.printf("%6s  %-10s  %-9s  %7s  %7s  %6s  %10s  %5s  %-20s  %s%n", "id", "date", "status", "lines",
                "fetched", "failed", "duration", "execs", "started", "input");
        for (RunRecord run : runs) {
            out.printf("%6d  %-10s  %-9s  %7d  %7d  %6d  %10s  %5d  %-20s  %s%n", run.executionId(), run.date(),
                    run.status(), run.linesRead(), run.fetched(), run.failed(), Durations.readable(run.duration()),
                    run.executions(), started(run.startTime()), run.input() + retryOf(run));
        }
        return 0;
    }

    public int show(long executionId, boolean asJson) {
        Optional<RunRecord> found = history.execution(executionId);
        if (found.isEmpty()) {
            out.println("No execution " + executionId + " in the job repository (see the history command).");
            return 1;
        }
        RunRecord run = found.get();
        Path failuresFile = OutputFiles.at(run.outputs()).failures();
        List<String> firstFailures = firstFailures(failuresFile);
        if (asJson) {
            out.println(json.writeValueAsString(Map.of("run", run, "failuresFile", failuresFile.toString(),
                    "firstFailures", firstFailures)));
            return 0;
        }
        out.printf("Execution %d: %s for %s%s%n", run.executionId(), run.input(), run.date(), retryOf(run));
        out.printf("  status:   %s%s%n", run.status(), run.failure() == null ? "" : " (" + run.failure() + ")");
        out.printf("  started:  %s, ended: %s (%s)%n", time(run.startTime()), time(run.endTime()),
                Durations.readable(run.duration()));
        out.printf("  lines:    %d read: %d zipcodes, %d duplicates, %d invalid, %d blank/comment/header%n",
                run.linesRead(), count(run, Kind.ZIPCODE), count(run, Kind.DUPLICATE), count(run, Kind.INVALID),
                count(run, Kind.IGNORED));
        out.printf("  fetched:  %d, failed: %d%s%n", run.fetched(), run.failed(),
                RunSummaryListener.byReason(run.failures()));
        if (run.executions() > 1) {
            out.printf("  executions of this run:%n");
            history.executionsOfRun(executionId).forEach(one -> out.printf("    %d  %-9s  started %s, %s%s%n",
                    one.executionId(), one.status(), started(one.startTime()), Durations.readable(one.duration()),
                    one.failure() == null ? "" : " (" + one.failure() + ")"));
        }
        if (!run.retries().isEmpty()) {
            out.printf("  retries of its failures (merged into its files once completed): %s%n", run.retries());
        }
        out.printf("  failures: %s%n", Files.exists(failuresFile) ? failuresFile : failuresFile + " (not there)");
        firstFailures.forEach(failure -> out.println("    " + failure));
        if (run.failed() + run.lines().getOrDefault("INVALID", 0L) > firstFailures.size()
                && firstFailures.size() == FAILURES_SHOWN) {
            out.println("    … (the whole list is in the failures file)");
        }
        return 0;
    }

    /** The runs going now, with how far they have got; those left by a dead process with what finishes them. */
    public int status(boolean asJson) {
        List<RunProgress> running = history.running();
        if (asJson) {
            out.println(json.writeValueAsString(running));
            return 0;
        }
        if (running.isEmpty()) {
            out.println("No run is going.");
            return 0;
        }
        for (RunProgress run : running) {
            out.printf("Execution %d: %s, %s since %s%n", run.executionId(), run.run(), run.status(),
                    started(run.startTime()));
            if (run.holder() == null) {
                out.printf("  no live process runs it: it was left by one that is gone. \"restart %d\" finishes it, "
                        + "\"abandon %d\" gives it up.%n", run.executionId(), run.executionId());
                continue;
            }
            out.printf("  running in process %s, step %s%n", run.holder(), run.step() == null ? "-" : run.step());
            out.printf("  done:     %d of %d zipcodes (%.1f%%): %d fetched, %d failed%n", run.done(), run.zipcodes(),
                    run.zipcodes() == 0 ? 0.0 : 100.0 * run.done() / run.zipcodes(), run.fetched(), run.failed());
            out.printf("  rate:     %.1f zipcodes/s in this execution, %s left%n", run.rate(),
                    run.timeLeft() == null ? "time unknown" : Durations.readable(run.timeLeft()));
        }
        return 0;
    }

    private static String retryOf(RunRecord run) {
        return run.retryOf() == null ? "" : " (retry-failures of execution " + run.retryOf() + ")";
    }

    /** When a run started, to the minute, in the zone of this machine, which Spring Batch's times are in. */
    private static String started(LocalDateTime time) {
        return in(STARTED, time);
    }

    private static long count(RunRecord run, Kind kind) {
        return run.lines().getOrDefault(kind.name(), 0L);
    }

    /** A time to the second, in the zone of this machine. */
    private static String time(LocalDateTime time) {
        return in(TIME, time);
    }

    private static String in(DateTimeFormatter format, LocalDateTime time) {
        return time == null ? "-" : format.format(time.atZone(ZoneId.systemDefault()));
    }

    private static List<String> firstFailures(Path failuresFile) {
        if (!Files.exists(failuresFile)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(failuresFile)) {
            return lines.skip(1).limit(FAILURES_SHOWN).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + failuresFile, e);
        }
    }
}
