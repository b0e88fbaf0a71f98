package org.weatherbatch.output;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The files one run writes, named from the input file's base name and the run date, e.g.
 * {@code zipcodes-2026-11-27.jsonl}, {@code zipcodes-2026-11-27.csv} and
 * {@code zipcodes-2026-11-27-failures.csv}.
 */
public record OutputFiles(Path jsonLines, Path csv, Path failures) {

    public static OutputFiles of(Path outputDir, Path input, LocalDate date) {
        String fileName = input.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String stem = (dot > 0 ? fileName.substring(0, dot) : fileName) + "-" + date;
        return new OutputFiles(outputDir.resolve(stem + ".jsonl"), outputDir.resolve(stem + ".csv"),
                outputDir.resolve(stem + "-failures.csv"));
    }
}
