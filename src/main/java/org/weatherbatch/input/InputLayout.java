package org.weatherbatch.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the zipcodes are in an input file: the header line, if the file has one, and the
 * column. Found once, from the first record that is neither blank nor a comment, so that a
 * restart in the middle of the file reads it the same way as the first run did. A header
 * with bytes that are not UTF-8 still names its columns (the line itself is reported).
 *
 * @param headerLine the number of the header line, or 0 when the file has none
 * @param zipColumn the index of the zipcode column
 */
record InputLayout(long headerLine, int zipColumn) {

    /** Header names of a zipcode column, lower case, without spaces, dashes or underscores. */
    private static final Set<String> ZIP_HEADERS = Set.of("zip", "zipcode", "zip5", "postalcode", "postcode");

    public static InputLayout detect(Path file) {
        try (CsvRecords records = CsvRecords.open(file)) {
            for (InputRecord record = records.next(); record != null; record = records.next()) {
                String content = record.content();
                if (content == null) {
                    continue;
                }
                if (record.tooLong()) {
                    break;
                }
                List<String> fields;
                try {
                    fields = ZipcodeLineMapper.fields(content);
                }
                catch (IllegalArgumentException notCsv) {
                    break;
                }
                for (int column = 0; column < fields.size(); column++) {
                    if (isZipHeader(fields.get(column))) {
                        return new InputLayout(record.lineNumber(), column);
                    }
                }
                break;
            }
            return new InputLayout(0, 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read input file " + file, e);
        }
    }

    private static boolean isZipHeader(String field) {
        return ZIP_HEADERS.contains(field.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", ""));
    }
}
