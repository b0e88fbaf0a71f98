package org.weatherbatch.job;

import java.time.Duration;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.LongToIntFunction;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.history.HistoryCommands;
import org.weatherbatch.input.InputValidation;
import org.weatherbatch.report.NightReports;

/**
 * The command line: {@code run} (the default) launches the run of weather.input for
 * weather.date, or every night with weather.schedule; {@code validate} reads the input as a
 * run would; {@code status} tells how the runs going now are getting on; {@code history},
 * {@code show <id>}, {@code restart <id>}, {@code abandon <id>}, {@code retry-failures <id>}
 * and {@code report <id>} look after past runs ({@code help} and {@code --version}:
 * {@link CommandLineHelp}). The process exits with the outcome (see {@link ExitCodes}).
 */
@Component
class WeatherJobRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(WeatherJobRunner.class);

    private static final String USAGE = "commands: run (the default), validate, history [--json] [--limit=N], "
            + "show <execution id> [--json], status [--json], restart <execution id>, abandon <execution id>, "
            + "retry-failures <execution id>, report <execution id>, prune --older-than=90d [--outputs], help";

    private static final int DEFAULT_LIMIT = 20;

    private final RunLauncher launcher;

    private final InputRuns inputRuns;

    private final NightlySchedule schedule;

    private final HistoryCommands historyCommands;

    private final InputValidation inputValidation;

    private final WeatherProperties properties;

    private final NightReports reports;

    private final Retention retention;

    private int exitCode = ExitCodes.NOT_STARTED;

    public WeatherJobRunner(RunLauncher launcher, InputRuns inputRuns, NightlySchedule schedule,
            HistoryCommands historyCommands, InputValidation inputValidation, WeatherProperties properties,
            NightReports reports, Retention retention) {
        this.launcher = launcher;
        this.inputRuns = inputRuns;
        this.schedule = schedule;
        this.historyCommands = historyCommands;
        this.inputValidation = inputValidation;
        this.properties = properties;
        this.reports = reports;
        this.retention = retention;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        String command = words.isEmpty() ? "run" : words.get(0);
        boolean json = args.containsOption("json");
        exitCode = switch (command) {
            case "run" -> properties.schedule() == null
                    ? inputRuns.launch(properties.input(), properties.date(), properties.rerun())
                    : schedule.runUntilStopped(properties.input(), properties.schedule(), properties.scheduleZone());
            case "validate" -> inputValidation.validate(properties.input()) ? ExitCodes.COMPLETED : ExitCodes.FAILED;
            case "history" -> withLimit(args, limit -> historyCommands.list(limit, json));
            case "status" -> historyCommands.status(json);
            case "show" -> withId(words, id -> historyCommands.show(id, json));
            case "restart" -> withId(words, launcher::restart);
            case "abandon" -> withId(words, launcher::abandon);
            case "retry-failures" -> withId(words, launcher::retryFailures);
            case "report" -> withId(words, reports::write);
            case "prune" -> withOlderThan(args, olderThan -> retention.prune(olderThan, args.containsOption("outputs")));
            default -> {
                log.error("Unknown command \"{}\"; {}", command, USAGE);
                yield ExitCodes.NOT_STARTED;
            }
        };
    }

    private int withId(List<String> words, LongToIntFunction command) {
        if (words.size() != 2 || !words.get(1).matches("\\d+")) {
            log.error("\"{}\" takes one execution id (the history command lists them); {}", words.get(0), USAGE);
            return ExitCodes.NOT_STARTED;
        }
        return command.applyAsInt(Long.parseLong(words.get(1)));
    }

    /** Runs the command with --older-than, a duration as options take it (90d, 12h). */
    private static int withOlderThan(ApplicationArguments args, ToIntFunction<Duration> command) {
        List<String> olderThan = args.getOptionValues("older-than");
        try {
            if (olderThan != null && olderThan.size() == 1) {
                return command.applyAsInt(DurationStyle.detectAndParse(olderThan.get(0)));
            }
        }
        catch (IllegalArgumentException notADuration) {
            // said below
        }
        log.error("prune takes --older-than=D, a duration such as 90d or 12h; {}", USAGE);
        return ExitCodes.NOT_STARTED;
    }

    /** Runs the command with --limit, a count of runs: 0 for all of them, as 0 lifts the rate limits. */
    private static int withLimit(ApplicationArguments args, IntUnaryOperator command) {
        List<String> limit = args.getOptionValues("limit");
        if (limit == null) {
            return command.applyAsInt(DEFAULT_LIMIT);
        }
        if (limit.size() != 1 || !limit.get(0).matches("\\d{1,9}")) {
            log.error("--limit={} is not a number of runs: give --limit=N with N = 1 or more, "
                    + "or 0 for all runs; {}", String.join(",", limit), USAGE);
            return ExitCodes.NOT_STARTED;
        }
        int count = Integer.parseInt(limit.get(0));
        return command.applyAsInt(count == 0 ? Integer.MAX_VALUE : count);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
