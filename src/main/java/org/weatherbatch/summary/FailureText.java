package org.weatherbatch.summary;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/** A failure told in one line: the messages along its cause chain, file paths included. */
public final class FailureText {

    private FailureText() {
    }

    /** From the expected failure on when there is one: what wraps it (Spring Batch's "Unable to process chunk") says nothing more. */
    public static String of(Throwable failure) {
        Throwable expected = ExpectedFailure.in(failure);
        List<String> messages = new ArrayList<>();
        for (Throwable cause = expected != null ? expected : failure; cause != null; cause = cause.getCause()) {
            add(messages, cause.getMessage());
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
        List<String> messages = new ArrayList<>();
        exitDescription.lines()
                .filter(line -> !line.startsWith("\t") && !line.startsWith(" "))
                .map(line -> line.startsWith("Caused by: ") ? line.substring("Caused by: ".length()) : line)
                .map(line -> {
                    int colon = line.indexOf(": ");
                    return colon > 0 && !line.substring(0, colon).contains(" ") ? line.substring(colon + 2) : line;
                })
                .forEach(message -> add(messages, message));
        return String.join(": ", messages);
    }

    /** The operating system's reason for a failed file operation, which some exceptions give only by their type. */
    public static String fileSystemReason(Throwable failure) {
        if (!(failure instanceof FileSystemException problem)) {
            return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        }
        if (problem.getReason() != null) {
            return problem.getReason();
        }
        if (problem instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (problem instanceof FileAlreadyExistsException) {
            return "a file is in the way of a folder";
        }
        return problem instanceof NoSuchFileException ? "no such file or folder" : problem.getClass().getSimpleName();
    }

    /** A cause's message already told by a wrapper's ("Cannot write …: No space left on device") is left out. */
    private static void add(List<String> messages, String message) {
        if (message != null && !message.isBlank() && messages.stream().noneMatch(told -> told.contains(message))) {
            messages.add(message);
        }
    }
}
