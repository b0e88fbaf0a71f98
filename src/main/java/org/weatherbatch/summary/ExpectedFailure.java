package org.weatherbatch.summary;

/**
 * A failure the job foresees (the API down, the key refused, an output not writable) and
 * explains in its message: the run's summary tells it in one line, and its stack trace, of
 * no use to an operator, goes to DEBUG. Implemented by exceptions.
 */
public interface ExpectedFailure {

    /** The expected failure in the cause chain, if there is one. */
    static Throwable in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ExpectedFailure) {
                return cause;
            }
        }
        return null;
    }
}
