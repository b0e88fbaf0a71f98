package org.weatherbatch.job;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.PartitionStep;
import org.springframework.batch.core.step.AbstractStep;
import org.weatherbatch.summary.ExpectedFailure;

/**
 * Moves to DEBUG the lines of Spring Batch's log that tell a person nothing the job does not
 * tell better:
 * <ul>
 * <li>its ERROR reports, each with a stack trace of 80 lines or so, of an {@link ExpectedFailure}
 * (the run's summary tells its cause in one line) and of a partitioned step's failure (each
 * partition reports its own); other failures keep their trace at ERROR;
 * <li>the start and end of each fetch partition, two lines per 128 zipcodes (the progress
 * report and the summary tell how the fetch goes); the job's own steps keep theirs.
 * </ul>
 * A Logback filter: Spring Batch logs these from deep inside its steps.
 */
public class SpringBatchLog extends TurboFilter {

    private static final String SPRING_BATCH = "org.springframework.batch.";

    private static final String STEP_LOGGER = AbstractStep.class.getName();

    /** In both of a partition's lines: "Executing step: [fetchWeatherPartition:partition0001]" and "Step: [… */
    private static final String PARTITION_STEP = "[" + WeatherJobConfiguration.FETCH_PARTITION_STEP + ":";

    /** Adds the filter to Logback, once logging is set up (Spring Boot resets it at each start). */
    public static SpringBatchLog install() {
        SpringBatchLog filter = new SpringBatchLog();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getTurboFilterList().removeIf(SpringBatchLog.class::isInstance);
            filter.setContext(logback);
            filter.start();
            logback.addTurboFilter(filter);
        }
        return filter;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable failure) {
        if (!partitionLine(logger, level, format) && !expectedFailureTrace(logger, level, failure)) {
            return FilterReply.NEUTRAL;
        }
        logger.debug(MessageFormatter.arrayFormat(format, params).getMessage(), failure);
        return FilterReply.DENY;
    }

    // both are asked of every logging call, enabled or not: the cheap tests first

    private static boolean partitionLine(Logger logger, Level level, String message) {
        return level == Level.INFO && message != null && logger.getName().equals(STEP_LOGGER)
                && message.contains(PARTITION_STEP);
    }

    private static boolean expectedFailureTrace(Logger logger, Level level, Throwable failure) {
        return level == Level.ERROR && failure != null && logger.getName().startsWith(SPRING_BATCH)
                && (ExpectedFailure.in(failure) != null || partitionsFailed(failure));
    }

    /** The manager step's own report that a partition failed, which says nothing of why. */
    private static boolean partitionsFailed(Throwable failure) {
        return failure instanceof JobExecutionException && failure.getCause() == null
                && failure.getStackTrace().length > 0
                && failure.getStackTrace()[0].getClassName().equals(PartitionStep.class.getName());
    }
}
