package org.weatherbatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class FailuresFileReaderTest {

    /** Lines that held no zipcode are quoted as read: commas, quotes, a record of two lines, accents. */
    private static final List<Failure> FAILURES = List.of(
            new Failure("\"Main St, \"\"Apt\"\" 5\nBoston\",x", 2, FailureReason.INVALID_LINE, "not a zipcode: Main"),
            new Failure("Zürich,8000", 4, FailureReason.INVALID_LINE, "not a zipcode: Zürich"),
            new Failure("02134", 5, FailureReason.TIMEOUT, "no answer within 15 s"),
            new Failure("99999", 7, FailureReason.NOT_FOUND, ""),
            new Failure("10001", 8, FailureReason.SERVER_ERROR, "HTTP 503: \"down\", try later"));

    @TempDir
    Path folder;

    @Test
    void readsBackTheFailuresAsTheyWereWrittenAndWritesThemAgainByteForByte() throws Exception {
        Path night = write(folder.resolve("night-failures.csv"), FAILURES);

        List<Failure> read = readAll(night, new ExecutionContext());

        assertThat(read).containsExactlyElementsOf(FAILURES);
        Path again = write(folder.resolve("again-failures.csv"), read);
        assertThat(Files.readString(again)).isEqualTo(Files.readString(night));
        assertThat(FailuresFileReader.reasons(night)).isEqualTo(Map.of(FailureReason.INVALID_LINE, 2L,
                FailureReason.NOT_FOUND, 1L, FailureReason.TIMEOUT, 1L, FailureReason.SERVER_ERROR, 1L));
    }

    @Test
    void aRestartSkipsTheRowsReadBefore() throws Exception {
        Path night = write(folder.resolve("night-failures.csv"), FAILURES);
        ExecutionContext context = new ExecutionContext();
        FailuresFileReader reader = new FailuresFileReader(night);
        reader.open(context);
        reader.read();
        reader.read();
        reader.update(context);
        reader.close();

        assertThat(readAll(night, context)).containsExactlyElementsOf(FAILURES.subList(2, FAILURES.size()));
    }

    private static List<Failure> readAll(Path file, ExecutionContext context) throws Exception {
        FailuresFileReader reader = new FailuresFileReader(file);
        reader.open(context);
        List<Failure> read = new ArrayList<>();
        for (Failure failure = reader.read(); failure != null; failure = reader.read()) {
            read.add(failure);
        }
        reader.close();
        return read;
    }

    /** A failures file as the night's merge writes it: its header, then its rows. */
    private static Path write(Path file, List<Failure> failures) throws Exception {
        Files.writeString(file, OutputWriters.failuresHeader() + System.lineSeparator());
        OutputFileWriter<Failure> writer = OutputWriters.failures(file);
        writer.setAppendAllowed(true);
        writer.open(new ExecutionContext());
        writer.write(new Chunk<>(failures));
        writer.close();
        return file;
    }
}
