package org.weatherbatch.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Pattern;

import org.weatherbatch.history.RunRecord;
import org.weatherbatch.output.FailureReason;
import org.weatherbatch.config.Durations;

/**
 * The top of the report: how the night went, in the words and numbers of the summary, and
 * the command that goes on from it (continue, fetch the failures again, or start afresh).
 *
 * @param failure the root cause in one line when the run failed, else null
 * @param next the command to run next, or null when the night needs nothing more
 * @param nextWhy what that command does
 */
public record Verdict(long executionId, String status, LocalDate date, String input, String provider, String units,
        LocalDateTime started, LocalDateTime ended, long seconds, String duration, long linesRead,
        Map<String, Long> lines, long fetched, long failed, Map<String, Long> failures, String failure, String next,
        String nextWhy) {

    private static final Pattern SHELL_SAFE = Pattern.compile("[\\w./:=@%+,-]+");

    private static final String JAR = "java -jar weather-batch.jar";

    public static Verdict of(RunRecord run, String provider, String units) {
        String next = null;
        String nextWhy = null;
        switch (run.status()) {
            case "COMPLETED" -> {
                if (run.failures().keySet().stream().anyMatch(reason -> FailureReason.of(reason).retryable())) {
                    next = JAR + " retry-failures " + run.executionId();
                    nextWhy = "fetches again the zipcodes that failed for a passing reason (timeouts, connection "
                            + "errors, 5xx, bad answers) and merges them into the night's files";
                }
            }
            case "ABANDONED" -> {
                next = JAR + " --weather.input=" + quoted(Path.of(run.input())) + " --weather.date=" + run.date()
                        + " --weather.rerun=true";
                nextWhy = "starts the night again from scratch";
            }
            default -> {
                next = JAR + " restart " + run.executionId();
                nextWhy = "continues the run from its last commit (the same as launching its input and date again)";
            }
        }
        return new Verdict(run.executionId(), run.status(), run.date(), run.input(), provider, units,
                run.startTime(), run.endTime(), run.duration().toSeconds(), Durations.readable(run.duration()),
                run.linesRead(), run.lines(), run.fetched(), run.failed(), run.failures(), run.failure(), next,
                nextWhy);
    }

    /** A path as a shell takes it: in single quotes unless it needs none. */
    static String quoted(Path path) {
        String text = path.toString();
        return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
