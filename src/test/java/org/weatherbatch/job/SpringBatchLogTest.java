package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.FatalStepExecutionException;
import org.weatherbatch.config.InvalidOptionException;

class SpringBatchLogTest {

    private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

    private final Logger springBatch = logback.getLogger("org.springframework.batch.core.step.AbstractStep");

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    private SpringBatchLog filter;

    private Level levelBefore;

    @BeforeEach
    void listen() {
        filter = SpringBatchLog.install();
        levelBefore = springBatch.getLevel();
        springBatch.setLevel(Level.DEBUG);
        springBatch.setAdditive(false); // the console stays quiet
        events.start();
        springBatch.addAppender(events);
    }

    @AfterEach
    void stopListening() {
        springBatch.detachAppender(events);
        springBatch.setLevel(levelBefore);
        springBatch.setAdditive(true);
        logback.getTurboFilterList().remove(filter);
    }

    @Test
    void springBatchsReportOfAnExpectedFailureGoesToDebugWithItsTrace() {
        var failure = new FatalStepExecutionException("Unable to process chunk",
                new InvalidOptionException("weather.input", "empty.csv", "holds no zipcode"));

        springBatch.error("Encountered an error executing step fetchWeatherPartition in job weatherJob", failure);

        assertThat(events.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(FatalStepExecutionException.class.getName());
        });
    }

    @Test
    void eachPartitionsStartAndEndGoToDebugAndTheJobsOwnStepsStayAtInfo() {
        springBatch.info("Executing step: [fetchWeatherPartition:partition0007]");
        springBatch.info("Step: [fetchWeatherPartition:partition0007] executed in 1s200ms");
        springBatch.info("Executing step: [fetchWeather]");
        springBatch.info("Step: [fetchWeather] executed in 3s401ms");

        assertThat(events.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage).containsExactly(
                tuple(Level.DEBUG, "Executing step: [fetchWeatherPartition:partition0007]"),
                tuple(Level.DEBUG, "Step: [fetchWeatherPartition:partition0007] executed in 1s200ms"),
                tuple(Level.INFO, "Executing step: [fetchWeather]"),
                tuple(Level.INFO, "Step: [fetchWeather] executed in 3s401ms"));
    }

    @Test
    void anUnexpectedFailureOrOneLoggedByTheJobItselfKeepsItsTraceAtError() {
        springBatch.error("Encountered an error executing step", new IllegalStateException("a bug"));
        Logger ours = logback.getLogger("org.weatherbatch.Anything");
        ours.setAdditive(false);
        ours.addAppender(events);
        ours.error("ours", new InvalidOptionException("weather.input", "nowhere.csv", "does not exist"));
        ours.detachAppender(events);
        ours.setAdditive(true);

        assertThat(events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR, Level.ERROR);
        assertThat(events.list.get(0).getThrowableProxy().getMessage()).isEqualTo("a bug");
    }
}
