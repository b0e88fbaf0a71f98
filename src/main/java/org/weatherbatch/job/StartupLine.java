package org.weatherbatch.job;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Logs which build is starting as soon as logging is set up, before the context (a second or
 * more): the first line an operator sees, and which build ran, in every run's log. Not for the
 * commands that only read and print (history, show, validate): their output is for reading,
 * or for scripts.
 */
public class StartupLine implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(StartupLine.class);

    private static final Set<String> WRITING_COMMANDS = Set.of("run", "restart", "abandon");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            return; // the build's ahead-of-time processing, not a launch
        }
        String command = Arrays.stream(event.getArgs()).filter(arg -> !arg.startsWith("--")).findFirst()
                .orElse("run");
        if (!WRITING_COMMANDS.contains(command)) {
            return;
        }
        log.info("Starting {} in {}", CommandLineHelp.version(), Path.of("").toAbsolutePath());
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
