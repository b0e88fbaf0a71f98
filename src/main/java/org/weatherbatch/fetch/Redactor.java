package org.weatherbatch.fetch;

import java.util.List;

/** Removes the API key from text that might hold it, such as an exception's message. */
final class Redactor {

    static final String MASK = "***";

    private final List<String> secrets;

    /** @param secrets the key and each form it takes, such as URL-encoded; none when there is no key */
    Redactor(String... secrets) {
        this.secrets = List.of(secrets).stream().filter(secret -> !secret.isEmpty()).distinct().toList();
    }

    String redact(String text) {
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, MASK);
        }
        return redacted;
    }
}
