package org.weatherbatch.job;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.weatherbatch.config.OptionCatalog;

/**
 * Answers {@code help} (or {@code --help}) and {@code --version} before the application
 * starts: they need neither the job repository nor valid options, and run nothing.
 */
public final class CommandLineHelp {

    static final String COMMANDS = """
            Commands:
              run                        the run of weather.input for weather.date (the default command); every
                                         night with weather.schedule. Rerun the same command after a failure
              validate                   read the input as a run would and list its bad lines and duplicates;
                                         no request, no run recorded; exit 1 when a line is not a zipcode
              history [--json] [--limit=N]   the latest runs (20; 0 for all)
              show <id> [--json]         one execution in detail, with its first failures
              status [--json]            the runs going now: done, failed, rate, time left (history, show,
                                         status and report also work while a run holds the job repository)
              restart <id>               restart the failed or stopped run of that execution
              abandon <id>               never restart that run (launching it again does nothing)
              retry-failures <id>        fetch again the zipcodes of that completed night that failed for a
                                         passing reason (timeout, connection, 5xx, bad answer), into its files
              report <id>                write that run's report page again
              prune --older-than=90d [--outputs]   forget the runs that ended before then (history,
                                         staging, part files; with --outputs their night's files)
              help, --help               this text
              --version                  the version and the commit it was built from
            """;

    static final String EXIT_CODES = """
            Exit codes:
              %d  the run completed (now, or earlier: nothing to do); a command did what it said
              %d  the run failed: rerun the same command; or a command could not do it
              %d  nothing ran: an option is wrong, the state folder cannot be written, the job repository
                 is damaged, or the application could not start
              %d  the run was stopped: rerun the same command (143 after SIGTERM, 130 after Ctrl-C)
              %d  nothing ran: another process is running this run, or is using the job repository
              %d  the run completed, but more of its zipcodes failed than weather.max-failure-ratio allows
            """.formatted(ExitCodes.COMPLETED, ExitCodes.FAILED, ExitCodes.NOT_STARTED, ExitCodes.STOPPED,
            ExitCodes.ALREADY_RUNNING, ExitCodes.POOR);

    private CommandLineHelp() {
    }

    /** Prints the help or the version when the arguments ask for one; whether they did. */
    public static boolean answered(String[] args, PrintStream out) {
        if (Arrays.asList(args).contains("--help") || Arrays.stream(args).filter(arg -> !arg.startsWith("--"))
                .findFirst().filter("help"::equals).isPresent()) {
            out.print(help());
            return true;
        }
        if (Arrays.asList(args).contains("--version")) {
            out.println(version());
            return true;
        }
        return false;
    }

    static String help() {
        StringBuilder text = new StringBuilder("""
                weather-batch: the current weather of every US zipcode in a CSV file.

                Usage: bin/weather-batch [command] [--option=value ...]   (or java -jar weather-batch.jar ...)

                """).append(COMMANDS).append("""

                Options (default after =); also as environment variables (WEATHER_CONCURRENCY=32) or in
                an application.yml beside the jar. An unknown weather.* option stops the start:
                """);
        for (OptionCatalog.Option option : OptionCatalog.options()) {
            String given = "--" + option.name() + "=" + (option.defaultValue() == null ? "" : option.defaultValue());
            text.append(String.format("  %-44s %s%n", given, option.description()));
        }
        return text.append('\n').append(EXIT_CODES).toString();
    }

    /** The version and the commit of the build, e.g. {@code weather-batch 0.1.0 (commit 3fa2c1d, built …)}. */
    static String version() {
        Properties build = properties("META-INF/build-info.properties");
        Properties git = properties("git.properties");
        String commit = git.getProperty("git.commit.id.abbrev");
        return "weather-batch " + build.getProperty("build.version", "(unknown version)") + " ("
                + (commit == null ? "not built from git" : "commit " + commit
                        + ("true".equals(git.getProperty("git.dirty")) ? " with uncommitted changes" : ""))
                + ", built " + build.getProperty("build.time", "at an unknown time") + ")";
    }

    /** The properties the build wrote into the jar; none when it did not. */
    private static Properties properties(String resource) {
        ClassPathResource file = new ClassPathResource(resource);
        try {
            return file.exists() ? PropertiesLoaderUtils.loadProperties(file) : new Properties();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
