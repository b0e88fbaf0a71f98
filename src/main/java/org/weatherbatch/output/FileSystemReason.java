package org.weatherbatch.output;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why a file operation failed, in the operating system's words: for the output files and the state folder. */
public final class FileSystemReason {

    private FileSystemReason() {
    }

    /** The operating system's reason for a failed file operation, which some exceptions give only by their type. */
    public static String of(Throwable failure) {
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
}
