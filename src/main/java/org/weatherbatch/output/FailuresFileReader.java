package org.weatherbatch.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads a failures file back as the failures it was written from, a row at a time: a
 * retry's stage step reads the night's. It saves the rows read, and a restart skips that many.
 */
public class FailuresFileReader extends AbstractItemCountingItemStreamItemReader<Failure> {

    private static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT.builder()
            .setHeader(OutputWriters.FAILURE_COLUMNS.toArray(String[]::new)).setSkipHeaderRecord(true).get();

    private final Path file;

    private CSVParser parser;

    private Iterator<CSVRecord> rows;

    public FailuresFileReader(Path file) {
        this.file = file;
        setName("failuresFileReader");
    }

    /** The failures of a file by reason. */
    public static Map<FailureReason, Long> reasons(Path file) {
        Map<FailureReason, Long> reasons = new EnumMap<>(FailureReason.class);
        FailuresFileReader reader = new FailuresFileReader(file);
        try {
            reader.doOpen();
            try {
                for (Failure failure = reader.doRead(); failure != null; failure = reader.doRead()) {
                    reasons.merge(failure.reason(), 1L, Long::sum);
                }
            }
            finally {
                reader.doClose();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return reasons;
    }

    @Override
    protected void doOpen() throws IOException {
        parser = WITH_HEADER.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        rows = parser.iterator();
    }

    @Override
    protected Failure doRead() {
        if (!rows.hasNext()) {
            return null;
        }
        CSVRecord row = rows.next();
        return new Failure(row.get("zip"), Long.parseLong(row.get("line")), FailureReason.of(row.get("reason")),
                row.get("detail"));
    }

    @Override
    protected void doClose() throws IOException {
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }
}
