package org.weatherbatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ZipcodeLineReaderTest {

    private static final List<ZipcodeLine> ALL = List.of(
            ZipcodeLine.ignored(1, "name,addr,zip"),
            ZipcodeLine.zipcode(2, "\"Smith, J\",\"1 Main St\nApt 4\",02134", "02134"),
            ZipcodeLine.zipcode(4, "\"Doe, A\",\"2 Elm St\nFloor 3\nRear\",10001", "10001"),
            ZipcodeLine.invalid(7, "\"Roe, B\",\"3 Oak St\nApt 9\",hello", "not a zipcode: hello"),
            ZipcodeLine.zipcode(9, "Poe,4 Ash St,20001", "20001"));

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void spreadsheetExport() throws Exception {
        file = dir.resolve("in.csv");
        Files.writeString(file, "name,addr,zip\r\n"
                + "\"Smith, J\",\"1 Main St\r\nApt 4\",02134\r\n"
                + "\"Doe, A\",\"2 Elm St\r\nFloor 3\r\nRear\",10001\r\n"
                + "\"Roe, B\",\"3 Oak St\r\nApt 9\",hello\r\n"
                + "Poe,4 Ash St,20001\r\n");
    }

    @Test
    void readsEachRecordNumberedByItsFirstLine() throws Exception {
        assertThat(readToEnd(new ExecutionContext())).containsExactlyElementsOf(ALL);
    }

    @Test
    void aRestartResumesAtTheRecordAfterTheLastOneCommitted() throws Exception {
        ExecutionContext context = new ExecutionContext();
        ZipcodeLineReader firstRun = new ZipcodeLineReader(file);
        firstRun.open(context);
        firstRun.read();
        firstRun.read();
        firstRun.read();
        firstRun.update(context); // the commit after 3 records
        firstRun.read();
        firstRun.close(); // the run fails

        assertThat(readToEnd(context)).containsExactlyElementsOf(ALL.subList(3, ALL.size()));
    }

    private List<ZipcodeLine> readToEnd(ExecutionContext context) throws Exception {
        ZipcodeLineReader reader = new ZipcodeLineReader(file);
        reader.open(context);
        List<ZipcodeLine> read = new ArrayList<>();
        for (ZipcodeLine line = reader.read(); line != null; line = reader.read()) {
            read.add(line);
        }
        reader.close();
        return read;
    }
}
