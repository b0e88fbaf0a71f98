package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Real-world input files: every oddity is either read right or reported, never fatal. */
@ExtendWith(OutputCaptureExtension.class)
class MessyInputTest extends WeatherJobTestSupport {

    @Test
    void readsWhatIsAZipcodeAndReportsEveryOtherLine(CapturedOutput output) throws Exception {
        Files.writeString(input, String.join("\r\n",
                "\uFEFF# zipcodes exported from the CRM",
                "city,Zip Code,state",
                "Allston,02134,MA",
                "",
                "New York,10001-0001,NY",
                "Nowhere,hello,XX",
                "Allston again,02134,MA",
                "Stripped,2134,MA",
                "\"Washington, DC\",20001,DC",
                "OnlyACity",
                "   # an indented comment",
                "Holtsville,00501,NY") + "\r\n", StandardCharsets.UTF_8);

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("02134", "10001", "20001", "00501");
        assertThat(requestsFor("02134")).isEqualTo(1);
        assertThat(lines("-failures.csv")).containsExactly(
                "zip,line,reason,detail",
                "\"Nowhere,hello,XX\",6,invalid-line,not a zipcode: hello",
                "\"Stripped,2134,MA\",8,invalid-line,zipcode has 4 digits (a leading zero may have been lost)",
                "OnlyACity,10,invalid-line,no column 2");
        assertThat(output).contains("lines: 4 zipcodes, 1 duplicates, 3 invalid, 4 blank/comment/header");
    }

    @Test
    void theFailuresFileCanBeFedBackAsInput() throws Exception {
        writeInput("02134", "99999", "junk");
        stubZip("99999", notFound());
        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);
        var failures = work.resolve("failures-of-last-night.csv");
        Files.copy(output("-failures.csv"), failures);
        api.resetAll();
        answerEveryZipcode();

        assertThat(run("--weather.input=" + failures)).isEqualTo(ExitCodes.COMPLETED);

        var rerun = work.resolve("output/failures-of-last-night-" + DATE);
        assertThat(Files.readAllLines(rerun.resolveSibling(rerun.getFileName() + ".jsonl")))
                .singleElement().asString().contains("\"zip\":\"99999\"");
        assertThat(Files.readAllLines(rerun.resolveSibling(rerun.getFileName() + "-failures.csv")))
                .containsExactly("zip,line,reason,detail",
                        "\"junk,3,invalid-line,not a zipcode: junk\",2,invalid-line,not a zipcode: junk");
    }

    @Test
    void aQuotedFieldMayHoldLineBreaksAsSpreadsheetsExportThem(CapturedOutput output) throws Exception {
        Files.writeString(input, String.join("\r\n",
                "name,addr,zip",
                "\"Smith, J\",\"1 Main St", "Apt 4\",02134",
                "\"Doe, A\",\"2 Elm St", "Rear\",99999",
                "\"Roe, B\",\"3 Oak St", "Apt 9\",2134",
                "Poe,4 Ash St,20001") + "\r\n", StandardCharsets.UTF_8);
        stubZip("99999", notFound());

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("02134", "20001");
        assertThat(lines("-failures.csv")).containsExactly(
                "zip,line,reason,detail",
                "\"\"\"Roe, B\"\",\"\"3 Oak St",
                "Apt 9\"\",2134\",6,invalid-line,zipcode has 4 digits (a leading zero may have been lost)",
                "99999,4,not-found,HTTP 404: city not found");
        assertThat(output).contains("lines: 3 zipcodes, 0 duplicates, 1 invalid, 1 blank/comment/header");
    }

    /** The same bytes near the top of the file, or after more UTF-8 than a reader's first buffers hold. */
    @ParameterizedTest
    @ValueSource(ints = { 0, 800 })
    void aLineThatIsNotUtf8IsReportedWhereverItIs(int duplicatesBefore, CapturedOutput output) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(("city,zip\n" + "Allston,02134\n".repeat(1 + duplicatesBefore) + "Montr")
                .getBytes(StandardCharsets.UTF_8));
        file.write(0xE9);
        file.writeBytes("al,10001\nParis,2000".getBytes(StandardCharsets.UTF_8));
        file.write(0xE9);
        file.writeBytes("\nHoltsville,00501\n".getBytes(StandardCharsets.UTF_8));
        Files.write(input, file.toByteArray());

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("02134", "00501");
        assertThat(lines("-failures.csv")).containsExactly(
                "zip,line,reason,detail",
                "\"Montr\uFFFDal,10001\"," + (duplicatesBefore + 3) + ",invalid-line,not UTF-8",
                "\"Paris,2000\uFFFD\"," + (duplicatesBefore + 4) + ",invalid-line,not UTF-8");
        assertThat(output).doesNotContain("Exception");
    }

    @Test
    void aHeaderThatIsNotUtf8StillSaysWhereTheZipcodesAre(CapturedOutput output) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("Stra".getBytes(StandardCharsets.UTF_8));
        file.write(0xDF);
        file.writeBytes("e,zip\nMain St,02134\nElm St,10001\n".getBytes(StandardCharsets.UTF_8));
        Files.write(input, file.toByteArray());

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("02134", "10001");
        assertThat(lines("-failures.csv")).containsExactly(
                "zip,line,reason,detail",
                "\"Stra\uFFFDe,zip\",1,invalid-line,not UTF-8");
        assertThat(output).doesNotContain("Exception");
    }

    @Test
    void aLineOfMegabytesIsReportedByItsStartAndTheOthersAreFetched() throws Exception {
        writeInput("02134", "20001," + "y".repeat(3 * 1024 * 1024), "00501");

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("02134", "00501");
        assertThat(lines("-failures.csv")).containsExactly(
                "zip,line,reason,detail",
                "\"20001," + "y".repeat(74) + "\",2,invalid-line,line longer than 65536 characters");
    }
}
