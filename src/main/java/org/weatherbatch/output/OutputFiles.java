package org.weatherbatch.output;

import java.nio.file.Path;

/**
 * The files one run writes, from one prefix: the output folder and a name made of the input
 * file's base name and the run date, e.g. {@code output/zipcodes-2026-11-27.jsonl},
 * {@code .csv} and {@code -failures.csv} (see {@link OutputNames}).
 */
public record OutputFiles(Path jsonLines, Path csv, Path failures) {

    /** The job parameter that holds the prefix, fixed by the run's first launch. */
    public static final String PARAMETER = "outputs";

    public static OutputFiles at(String prefix) {
        return new OutputFiles(Path.of(prefix + ".jsonl"), Path.of(prefix + ".csv"), Path.of(prefix + "-failures.csv"));
    }
}
