package org.weatherbatch.fetch;

import org.weatherbatch.summary.ExpectedFailure;

/**
 * No further request can succeed: the key was refused or the API seems down. Fails the
 * job. Its message never holds the API key, and it carries no cause that might.
 */
public class ApiUnavailableException extends RuntimeException implements ExpectedFailure {

    public ApiUnavailableException(String message) {
        super(message);
    }
}
