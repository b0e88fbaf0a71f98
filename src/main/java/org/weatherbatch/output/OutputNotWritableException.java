package org.weatherbatch.output;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * An output file could not be written. The message names the file and the operating
 * system's reason ("No space left on device", "Read-only file system"); the cause is that
 * reason's exception, so the one-line failure text says it once.
 */
public class OutputNotWritableException extends ItemStreamException {

    public OutputNotWritableException(Path file, Throwable failure) {
        super("Cannot write " + file.toAbsolutePath() + ": " + describe(file.toAbsolutePath(), deepest(failure)),
                deepest(failure));
    }

    private static Throwable deepest(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        return deepest;
    }

    /** A FileSystemException's message is often only a path: say what it means. */
    private static String describe(Path file, Throwable reason) {
        if (!(reason instanceof FileSystemException problem)) {
            return reason.getMessage() != null ? reason.getMessage() : reason.getClass().getSimpleName();
        }
        String what = problem.getReason() != null ? problem.getReason() : meaning(problem);
        return problem.getFile() == null || problem.getFile().equals(file.toString()) ? what
                : problem.getFile() + ": " + what;
    }

    private static String meaning(FileSystemException problem) {
        if (problem instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (problem instanceof FileAlreadyExistsException) {
            return "a file is in the way of a folder";
        }
        return problem instanceof NoSuchFileException ? "no such file or folder" : problem.getClass().getSimpleName();
    }
}
