package org.weatherbatch.summary;

import java.util.ArrayList;
import java.util.List;

/** A failure told in one line: the messages along its cause chain, file paths included. */
public final class FailureText {

    private FailureText() {
    }

    /** Spring Batch's wrappers ("Unable to process chunk") say nothing of the cause they wrap. */
    private static final String SPRING_BATCH = "org.springframework.batch.";

    public static String of(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (!(cause.getClass().getName().startsWith(SPRING_BATCH) && cause.getCause() != null)) {
                add(messages, cause.getMessage());
            }
        }
        return String.join(": ", messages);
    }

    /** The failure's class as metrics and structured logs name it: the expected failure's, else the root cause's. */
    public static String causeClass(Throwable failure) {
        Throwable cause = ExpectedFailure.in(failure);
        if (cause == null) {
            cause = failure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
        }
        return cause.getClass().getSimpleName();
    }

    /**
     * The same from a stored exit description, which Spring Batch keeps as a stack trace:
     * its first line and its "Caused by:" lines, without class names.
     */
    public static String of(String exitDescription) {
        List<String> causes = exitDescription.lines()
                .filter(line -> !line.startsWith("\t") && !line.startsWith(" "))
                .map(line -> line.startsWith("Caused by: ") ? line.substring("Caused by: ".length()) : line)
                .toList();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < causes.size(); i++) {
            String line = causes.get(i);
            int colon = line.indexOf(": ");
            boolean named = colon > 0 && !line.substring(0, colon).contains(" ");
            if (!(named && line.startsWith(SPRING_BATCH) && i + 1 < causes.size())) {
                add(messages, named ? line.substring(colon + 2) : line);
            }
        }
        return String.join(": ", messages);
    }

    /** A cause's message already told by a wrapper's ("Cannot write …: No space left on device") is left out. */
    private static void add(List<String> messages, String message) {
        if (message != null && !message.isBlank() && messages.stream().noneMatch(told -> told.contains(message))) {
            messages.add(message);
        }
    }
}
