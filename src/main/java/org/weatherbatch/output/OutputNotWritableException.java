package org.weatherbatch.output;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * An output file could not be written. The message names the file and the operating
 * system's reason ("No space left on device", "Read-only file system"); the cause is that
 * reason's exception, so the one-line failure text says it once.
 */
class OutputNotWritableException extends ItemStreamException {

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

    /** A FileSystemException's message is often only a path: its reason, and the path when it is another. */
    private static String describe(Path file, Throwable reason) {
        String what = FileSystemReason.of(reason);
        return reason instanceof FileSystemException problem && problem.getFile() != null
                && !problem.getFile().equals(file.toString()) ? problem.getFile() + ": " + what : what;
    }
}
