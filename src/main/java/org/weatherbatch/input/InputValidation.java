package org.weatherbatch.input;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.weatherbatch.config.InvalidOptionException;

/**
 * The {@code validate} command: reads an input file with the stage step's own reader and
 * reports what a run would make of it (zipcodes to fetch, duplicates, lines that are not
 * zipcodes, with their line numbers and reasons), sending no request and recording nothing.
 */
public class InputValidation {

    /** Enough duplicates to see what kind they are; a file of many repeats would print them all. */
    private static final int DUPLICATES_SHOWN = 20;

    private final PrintStream out;

    public InputValidation(PrintStream out) {
        this.out = out;
    }

    /** Stops the start, naming weather.input, when the file cannot be read. */
    public static void requireReadable(Path input) {
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            throw new InvalidOptionException("weather.input", input, input.toAbsolutePath()
                    + (Files.exists(input) ? " is not a readable file" : " does not exist"));
        }
    }

    /** @return whether every line holds a zipcode or is blank, a comment or the header */
    public boolean validate(Path input) throws Exception {
        requireReadable(input);
        Map<ZipcodeLine.Kind, Long> counts = new EnumMap<>(ZipcodeLine.Kind.class);
        long[] firstLine = new long[100_000];
        ZipcodeLineReader reader = new ZipcodeLineReader(input);
        reader.open(new ExecutionContext());
        try {
            for (ZipcodeLine line = reader.read(); line != null; line = reader.read()) {
                ZipcodeLine.Kind kind = line.kind();
                if (kind == ZipcodeLine.Kind.ZIPCODE) {
                    int zip = Integer.parseInt(line.zip());
                    if (firstLine[zip] == 0) {
                        firstLine[zip] = line.lineNumber();
                    }
                    else {
                        kind = ZipcodeLine.Kind.DUPLICATE;
                        if (counts.getOrDefault(kind, 0L) < DUPLICATES_SHOWN) {
                            out.printf("line %d: duplicate of line %d: %s%n", line.lineNumber(), firstLine[zip],
                                    line.zip());
                        }
                    }
                }
                else if (kind == ZipcodeLine.Kind.INVALID) {
                    out.printf("line %d: %s; the line: %s%n", line.lineNumber(), line.reason(), line.raw());
                }
                counts.merge(kind, 1L, Long::sum);
            }
        }
        finally {
            reader.close();
        }
        long duplicates = counts.getOrDefault(ZipcodeLine.Kind.DUPLICATE, 0L);
        if (duplicates > DUPLICATES_SHOWN) {
            out.printf("… and %d more duplicates%n", duplicates - DUPLICATES_SHOWN);
        }
        long invalid = counts.getOrDefault(ZipcodeLine.Kind.INVALID, 0L);
        out.printf("%s: %d zipcodes to fetch, %d duplicates, %d lines not zipcodes (to the failures file), "
                + "%d blank, comment or header lines. Nothing was fetched nor recorded.%n", input.toAbsolutePath(),
                counts.getOrDefault(ZipcodeLine.Kind.ZIPCODE, 0L), duplicates, invalid,
                counts.getOrDefault(ZipcodeLine.Kind.IGNORED, 0L));
        return invalid == 0;
    }
}
