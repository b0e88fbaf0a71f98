package org.weatherbatch.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Whether the output files still hold what a run's commits wrote. A restart appends after the
 * committed positions, so a file deleted or cut short since would silently lose those lines
 * (and Spring Batch's own complaint, "File is not writable", names the wrong cause).
 */
public final class CommittedOutputs {

    private CommittedOutputs() {
    }

    /** What is missing, a line per file; empty when every file is whole. */
    public static List<String> damage(Map<OutputFiles, ExecutionContext> partsWritten) {
        List<String> damage = new ArrayList<>();
        partsWritten.forEach((part, context) -> OutputWriters.positionKeys(part).forEach((key, file) -> {
            long committed = context.getLong(key, 0L);
            long size = committed > 0 ? size(file) : 0;
            if (size < 0) {
                damage.add(file + " is gone (its commits wrote %,d bytes)".formatted(committed));
            }
            else if (size < committed) {
                damage.add(file + " holds %,d bytes of the %,d its commits wrote".formatted(size, committed));
            }
        }));
        return damage;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : -1;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
