package org.weatherbatch.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Turns each record of an input file into a {@link ZipcodeLine}, given the file's layout. */
class ZipcodeLineMapper {

    /** Enough of a line too long to recognise it in the failures file, yet one terminal line. */
    static final int SHOWN_OF_A_LONG_LINE = 80;

    /** Five digits, optionally followed by the four of a ZIP+4. */
    private static final Pattern ZIPCODE = Pattern.compile("(\\d{5})(?:-\\d{4})?");

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setTrim(true).get();

    private static final String NOT_CSV = "not a CSV line (unbalanced quotes?)";

    private final InputLayout layout;

    ZipcodeLineMapper(InputLayout layout) {
        this.layout = layout;
    }

    ZipcodeLine map(InputRecord record) {
        long lineNumber = record.lineNumber();
        String line = record.text();
        if (record.tooLong()) {
            return ZipcodeLine.invalid(lineNumber, line.substring(0, Math.min(line.length(), SHOWN_OF_A_LONG_LINE)),
                    "line longer than " + InputLines.MAX_LENGTH + " characters");
        }
        if (record.notUtf8()) {
            return ZipcodeLine.invalid(lineNumber, line, "not UTF-8");
        }
        String content = record.content();
        if (content == null || lineNumber == layout.headerLine()) {
            return ZipcodeLine.ignored(lineNumber, line);
        }
        List<String> fields;
        try {
            fields = fields(content);
        }
        catch (IllegalArgumentException e) {
            return ZipcodeLine.invalid(lineNumber, line, e.getMessage());
        }
        if (fields.size() <= layout.zipColumn()) {
            return ZipcodeLine.invalid(lineNumber, line, "no column " + (layout.zipColumn() + 1));
        }
        String field = fields.get(layout.zipColumn());
        Matcher zipcode = ZIPCODE.matcher(field);
        if (zipcode.matches()) {
            return ZipcodeLine.zipcode(lineNumber, line, zipcode.group(1));
        }
        return ZipcodeLine.invalid(lineNumber, line, whyNotZipcode(field));
    }

    private static String whyNotZipcode(String field) {
        if (field.isEmpty()) {
            return "empty zipcode";
        }
        if (field.matches("\\d{1,4}")) {
            return "zipcode has " + field.length() + " digits (a leading zero may have been lost)";
        }
        return "not a zipcode: " + field;
    }

    /**
     * The record's fields, unquoted and trimmed; IllegalArgumentException when it is not one
     * CSV record. Records without quotes, nearly all of them, are split by hand: a CSV parser
     * per record made staging a million-line file take half a minute.
     */
    static List<String> fields(String content) {
        if (content.indexOf('"') < 0) {
            return Arrays.stream(content.split(",", -1)).map(String::strip).toList();
        }
        try (CSVParser parser = CSVParser.parse(content, CSV)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalArgumentException(NOT_CSV);
            }
            return records.get(0).toList();
        }
        catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException(NOT_CSV);
        }
    }
}
