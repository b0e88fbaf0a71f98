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
import org.springframework.batch.infrastructure.item.file.LineMapper;

/** Turns each line of an input file into a {@link ZipcodeLine}, given the file's layout. */
public class ZipcodeLines implements LineMapper<ZipcodeLine> {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Five digits, optionally followed by the four of a ZIP+4. */
    private static final Pattern ZIPCODE = Pattern.compile("(\\d{5})(?:-\\d{4})?");

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setTrim(true).get();

    private final InputLayout layout;

    public ZipcodeLines(InputLayout layout) {
        this.layout = layout;
    }

    @Override
    public ZipcodeLine mapLine(String line, int lineNumber) {
        String content = content(line, lineNumber);
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

    /** The line without a byte order mark, or null when it is blank or a comment. */
    static String content(String line, long lineNumber) {
        String content = lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK
                ? line.substring(1) : line;
        content = content.strip();
        return content.isEmpty() || content.startsWith("#") ? null : content;
    }

    /**
     * The line's fields, unquoted and trimmed; IllegalArgumentException when it is not CSV.
     * Lines without quotes, nearly all of them, are split by hand: a CSV parser per line
     * made staging a million-line file take half a minute.
     */
    static List<String> fields(String content) {
        if (content.indexOf('"') < 0) {
            return Arrays.stream(content.split(",", -1)).map(String::strip).toList();
        }
        try (CSVParser parser = CSVParser.parse(content, CSV)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        }
        catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("not a CSV line (unbalanced quotes?)");
        }
    }
}
