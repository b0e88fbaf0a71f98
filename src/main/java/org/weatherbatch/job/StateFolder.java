package org.weatherbatch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.weatherbatch.config.InvalidOptionException;
import org.weatherbatch.output.FileSystemReason;

/**
 * The state folder (weather.state-dir), where the H2 job repository is written: created if
 * need be, and found writable by writing in it, so that a folder on a read-only file system stops the start naming it and the operating system's reason.
 */
final class StateFolder {

    private StateFolder() {
    }

    static void checkWritable(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".writable-", ".tmp"));
        }
        catch (IOException e) {
            throw new InvalidOptionException("weather.state-dir", folder, "cannot write in "
                    + folder.toAbsolutePath() + ": " + FileSystemReason.of(e)
                    + " (the job repository is written there)");
        }
    }

}
