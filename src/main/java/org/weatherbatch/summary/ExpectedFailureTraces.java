package org.weatherbatch.summary;

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

/**
 * Moves to DEBUG Spring Batch's ERROR reports, each with a stack trace of 80 lines or so, of
 * an {@link ExpectedFailure} (the run's summary tells its cause in one line) and of a
 * partitioned step's failure (each partition reports its own). Other failures keep their
 * trace at ERROR. A Logback filter: Spring Batch logs these from deep inside its steps.
 */
public class ExpectedFailureTraces extends TurboFilter {

    private static final String SPRING_BATCH = "org.springframework.batch.";

    /** Adds the filter to Logback, once logging is set up (Spring Boot resets it at each start). */
    public static ExpectedFailureTraces install() {
        ExpectedFailureTraces filter = new ExpectedFailureTraces();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getTurboFilterList().removeIf(ExpectedFailureTraces.class::isInstance);
            filter.setContext(logback);
            filter.start();
            logback.addTurboFilter(filter);
        }
        return filter;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable failure) {
        // called for every logging call, enabled or not: the cheap tests first
        if (failure == null || level != Level.ERROR || !logger.getName().startsWith(SPRING_BATCH)
                || !(ExpectedFailure.in(failure) != null || partitionsFailed(failure))) {
            return FilterReply.NEUTRAL;
        }
        logger.debug(MessageFormatter.arrayFormat(format, params).getMessage(), failure);
        return FilterReply.DENY;
    }

    /** The manager step's own report that a partition failed, which says nothing of why. */
    private static boolean partitionsFailed(Throwable failure) {
        return failure instanceof JobExecutionException && failure.getCause() == null
                && failure.getStackTrace().length > 0
                && failure.getStackTrace()[0].getClassName().equals(PartitionStep.class.getName());
    }
}
