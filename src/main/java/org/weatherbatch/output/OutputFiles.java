package org.weatherbatch.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The files one run writes, from one prefix: the output folder and a name made of the input
 * file's base name and the run date, e.g. {@code output/zipcodes-2026-11-27.jsonl},
 * {@code .csv} and {@code -failures.csv} (see {@link OutputNameDao}).
 */
public record OutputFiles(String prefix) {

    /** The job parameter that holds the prefix, fixed by the run's first launch. */
    public static final String PARAMETER = "outputs";

    public static OutputFiles at(String prefix) {
        return new OutputFiles(prefix);
    }

    public Path jsonLines() {
        return Path.of(prefix + ".jsonl");
    }

    public Path csv() {
        return Path.of(prefix + ".csv");
    }

    public Path failures() {
        return Path.of(prefix + "-failures.csv");
    }

    /** The night's report, a page to look at (see the report package). */
    public Path report() {
        return Path.of(prefix + "-report.html");
    }

    /** A fetch partition's own files, which the merge step puts together; the instance keeps runs apart. */
    public OutputFiles part(long jobInstanceId, int part) {
        return new OutputFiles(prefix + ".run%d.part%04d".formatted(jobInstanceId, part));
    }

    /** Removes every part file of the instance's run: merged, or never to be. */
    public void deleteParts(long jobInstanceId) throws IOException {
        Path folder = failures().toAbsolutePath().getParent();
        String partsOfRun = Path.of(prefix).getFileName() + ".run" + jobInstanceId + ".";
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path part : files.filter(file -> file.getFileName().toString().startsWith(partsOfRun)).toList()) {
                Files.deleteIfExists(part);
            }
        }
    }

    /** The stage step's own files: its failures file holds the lines that are not zipcodes. */
    public OutputFiles stagePart(long jobInstanceId) {
        return new OutputFiles(prefix + ".run%d.stage".formatted(jobInstanceId));
    }
}
