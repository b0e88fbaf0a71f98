package org.weatherbatch.fetch;

/**
 * No further request can succeed: the key was refused or the API seems down. Fails the
 * job. Its message never holds the API key, and it carries no cause that might.
 */
class ApiUnavailableException extends RuntimeException {

    public ApiUnavailableException(String message) {
        super(message);
    }
}
