package org.weatherbatch.input;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Groups an input file's lines into CSV records (RFC 4180): a quoted field may hold line
 * breaks, as spreadsheets export an address, so a record may span lines. A record is
 * numbered by its first line. One left open by a stray quote ends at the end of the file,
 * or at the line that takes it past {@link InputLines#MAX_LENGTH} characters, after which
 * the next line starts a record again.
 */
final class CsvRecords implements Closeable {

    private static final char QUOTE = '"';

    private static final char DELIMITER = ',';

    private final InputLines lines;

    CsvRecords(InputLines lines) {
        this.lines = lines;
    }

    static CsvRecords open(Path file) throws IOException {
        return new CsvRecords(new InputLines(Files.newInputStream(file)));
    }

    /** The next record, or null at the end of the file. */
    InputRecord next() throws IOException {
        InputRecord first = lines.next();
        if (first == null || first.tooLong() || first.text().indexOf(QUOTE) < 0) {
            return first;
        }
        String content = first.content();
        if (content == null || !endsInQuotes(content, false)) {
            return first;
        }
        StringBuilder text = new StringBuilder(first.text());
        boolean notUtf8 = first.notUtf8();
        boolean tooLong = false;
        for (InputRecord line = lines.next(); line != null; line = lines.next()) {
            text.append('\n').append(line.text());
            notUtf8 |= line.notUtf8();
            tooLong = line.tooLong() || text.length() > InputLines.MAX_LENGTH;
            if (tooLong || !endsInQuotes(line.text(), true)) {
                break;
            }
        }
        return new InputRecord(first.lineNumber(), text.toString(), tooLong, notUtf8);
    }

    /**
     * Whether the text ends inside a quoted field. Not Spring Batch's quote-counting record
     * separator policy: as in RFC 4180 and Commons CSV, a quote opens a field only at its start.
     */
    static boolean endsInQuotes(String text, boolean startsInQuotes) {
        boolean inQuotes = startsInQuotes;
        boolean fieldStart = !startsInQuotes;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                boolean escapedQuote = c == QUOTE && i + 1 < length && text.charAt(i + 1) == QUOTE;
                if (escapedQuote) {
                    i++;
                }
                inQuotes = c != QUOTE || escapedQuote;
            }
            else {
                inQuotes = fieldStart && c == QUOTE;
                fieldStart = c == DELIMITER;
            }
        }
        return inQuotes;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
