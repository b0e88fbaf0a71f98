package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A run killed while staging resumes at the record after its last commit, also when records span lines. */
@ExtendWith(OutputCaptureExtension.class)
class StageRestartTest extends WeatherJobTestSupport {

    /** 10 stage chunks: far more than are staged between the first commit and the kill. */
    private static final int RECORDS = 100_000;

    @Test
    void aRunKilledWhileStagingRecordsOfSeveralLinesResumesAtTheNextRecord(CapturedOutput output)
            throws Exception {
        // every other record spans two lines; all but one in a hundred are reported, so that a
        // record read twice or skipped at the restart shows in the failures file
        StringBuilder file = new StringBuilder("name,addr,zip\r\n");
        Set<String> zips = new LinkedHashSet<>();
        List<List<String>> failures = new ArrayList<>();
        long line = 2;
        int failureFileLines = 1;
        for (int i = 1; i <= RECORDS; i++) {
            int lines = i % 2 == 0 ? 2 : 1;
            String zip = i % 100 == 50 ? String.format("%05d", 1000 + i / 100 % 20) : "x" + i;
            String record = lines == 2 ? "\"Name " + i + "\",\"Street\r\nApt " + i + "\"," + zip
                    : "Name " + i + ",Street," + zip;
            file.append(record).append("\r\n");
            if (zip.startsWith("x")) {
                failures.add(List.of(record.replace("\r\n", "\n"), String.valueOf(line), "invalid-line",
                        "not a zipcode: " + zip));
                failureFileLines += lines;
            }
            else {
                zips.add(zip);
            }
            line += lines;
        }
        Files.writeString(input, file, StandardCharsets.UTF_8);

        Process child = startChild();
        awaitTrue(() -> failureLines() > 1, "the stage step's first commit");
        child.destroyForcibly().waitFor(); // SIGKILL
        assertThat(failureLines()).as("killed before staging ended").isLessThan(failureFileLines);

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("was left STARTED by a process that is gone (killed or crashed)");
        assertThat(failureRows()).hasSameSizeAs(failures).isEqualTo(failures);
        assertThat(jsonZips()).containsExactlyElementsOf(zips);
        zips.forEach(zip -> assertThat(requestsFor(zip)).as(zip).isEqualTo(1));
    }

    private List<List<String>> failureRows() throws IOException {
        try (CSVParser rows = CSVParser.parse(output("-failures.csv"), StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
            return rows.stream().skip(1).map(CSVRecord::toList).toList();
        }
    }

    /** The most lines in any failures file of the output folder, whichever the stage step writes first. */
    private int failureLines() {
        try (Stream<Path> files = Files.list(work.resolve("output"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("failures.csv"))
                    .mapToInt(StageRestartTest::lineCount).max().orElse(0);
        }
        catch (IOException e) {
            return 0;
        }
    }

    private static int lineCount(Path file) {
        try {
            return Files.readAllLines(file).size();
        }
        catch (IOException e) {
            return 0;
        }
    }
}
