package org.weatherbatch.summary;

/**
 * A failure the job foresees (the API down, the key refused, an output not writable, an
 * input without zipcodes): an exception of its own, whose message is written for an
 * operator. The run's summary tells it in one line; its stack trace, of no use to an
 * operator, goes to DEBUG. Anything else (a bug, a library's surprise) keeps its trace.
 */
public final class ExpectedFailure {

    private static final String OURS = "org.weatherbatch.";

    private ExpectedFailure() {
    }

    /** The expected failure in the cause chain; null when there is none. */
    public static Throwable in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().startsWith(OURS)) {
                return cause;
            }
        }
        return null;
    }
}
