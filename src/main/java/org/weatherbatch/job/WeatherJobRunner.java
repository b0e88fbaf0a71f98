package org.weatherbatch.job;

import java.util.List;
import java.util.function.LongToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.history.HistoryCommands;

/**
 * The command line: {@code run} (the default) launches the run of weather.input for
 * weather.date, or every night with weather.schedule; {@code history}, {@code show <id>},
 * {@code restart <id>} and {@code abandon <id>} look after past runs. The process exits
 * with the outcome (see {@link ExitCodes}).
 */
@Component
public class WeatherJobRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(WeatherJobRunner.class);

    private static final String USAGE = "commands: run (the default), history [--json] [--limit=N], "
            + "show <execution id> [--json], restart <execution id>, abandon <execution id>";

    private final RunLauncher launcher;

    private final NightlySchedule schedule;

    private final HistoryCommands historyCommands;

    private final WeatherProperties properties;

    private int exitCode = ExitCodes.NOT_STARTED;

    public WeatherJobRunner(RunLauncher launcher, NightlySchedule schedule, HistoryCommands historyCommands,
            WeatherProperties properties) {
        this.launcher = launcher;
        this.schedule = schedule;
        this.historyCommands = historyCommands;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        List<String> words = args.getNonOptionArgs();
        String command = words.isEmpty() ? "run" : words.get(0);
        boolean json = args.containsOption("json");
        exitCode = switch (command) {
            case "run" -> properties.schedule() == null
                    ? launcher.launch(properties.input(), properties.date(), properties.rerun())
                    : schedule.runUntilStopped(properties.input(), properties.schedule(), properties.scheduleZone());
            case "history" -> historyCommands.list(limit(args), json);
            case "show" -> withId(words, id -> historyCommands.show(id, json));
            case "restart" -> withId(words, launcher::restart);
            case "abandon" -> withId(words, launcher::abandon);
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

    private static int limit(ApplicationArguments args) {
        List<String> limit = args.getOptionValues("limit");
        return limit == null || limit.isEmpty() ? 20 : Integer.parseInt(limit.get(0));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
