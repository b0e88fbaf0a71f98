package org.weatherbatch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weatherbatch.input.InputLinesTest.concat;
import static org.weatherbatch.input.InputLinesTest.line;
import static org.weatherbatch.input.InputLinesTest.utf8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvRecordsTest {

    @Test
    void aQuotedFieldHoldsLineBreaksAndItsRecordIsNumberedByItsFirstLine() throws IOException {
        List<InputRecord> records = readAll(utf8(
                "name,addr,zip\r\n\"Smith, J\",\"1 Main St\r\nApt 4\r\n\",02134\r\nDoe,2 Elm St,10001\r\n"));

        assertThat(records).containsExactly(line(1, "name,addr,zip"),
                line(2, "\"Smith, J\",\"1 Main St\nApt 4\n\",02134"), line(5, "Doe,2 Elm St,10001"));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", quoteCharacter = '~', value = {
            "~\"a \"\"quoted\"\" word~|true",
            "~\"a \"\"quoted\"\"\"~|false",
            "~02134,\"Allston~|true",
            "~\"02134\",\"Allston, MA\"~|false",
            "~02134,5\" pipe~|false",
            "~02134, \"Allston~|false",
            "~02134,\"a\"b\"c~|false" })
    void aQuoteOpensAFieldOnlyAtTheFieldsStart(String line, boolean endsInQuotes) {
        assertThat(CsvRecords.endsInQuotes(line, false)).isEqualTo(endsInQuotes);
    }

    @Test
    void aLineStartingInsideQuotesEndsThemWithAQuote() {
        assertThat(CsvRecords.endsInQuotes("Apt 4", true)).isTrue();
        assertThat(CsvRecords.endsInQuotes("Apt \"\"4\"\"", true)).isTrue();
        assertThat(CsvRecords.endsInQuotes("Apt 4\",\"x", true)).isTrue();
        assertThat(CsvRecords.endsInQuotes("Apt 4\",02134", true)).isFalse();
    }

    @Test
    void aQuoteInACommentOrMidFieldJoinsNoLines() throws IOException {
        List<InputRecord> records = readAll(utf8("# the \"zip\" column\n02134,5\" pipe\n10001\n"));

        assertThat(records).containsExactly(line(1, "# the \"zip\" column"), line(2, "02134,5\" pipe"),
                line(3, "10001"));
    }

    @Test
    void aQuoteLeftOpenEndsItsRecordAtTheEndOfTheFile() throws IOException {
        assertThat(readAll(utf8("02134\n\"10001\n20001\n"))).containsExactly(line(1, "02134"),
                line(2, "\"10001\n20001"));
    }

    @Test
    void aRecordWithALineThatIsNotUtf8IsNotUtf8() throws IOException {
        List<InputRecord> records = readAll(concat(utf8("\"Montr"), new byte[] { (byte) 0xE9 },
                utf8("al\nQC\",02134\n10001\n")));

        assertThat(records).containsExactly(new InputRecord(1, "\"Montr\uFFFDal\nQC\",02134", false, true),
                line(3, "10001"));
    }

    @Test
    void aRecordLongerThanMaxLengthEndsAtTheLineThatMakesItSoAndTheNextLineStartsOne() throws IOException {
        String x = "x".repeat(999);
        // line 2 opens a quote that is never closed: 1,000 characters a line, so line 67 passes 65,536
        List<InputRecord> records = readAll(utf8("02134\n\"" + x + "\n" + (x + "\n").repeat(69) + "10001\n"));

        assertThat(records).hasSize(7);
        assertThat(records.get(0)).isEqualTo(line(1, "02134"));
        assertThat(records.get(1).lineNumber()).isEqualTo(2);
        assertThat(records.get(1).tooLong()).isTrue();
        assertThat(records.subList(2, 7)).containsExactly(line(68, x), line(69, x), line(70, x), line(71, x),
                line(72, "10001"));
    }

    @Test
    void aLineTooLongEndsTheRecordItContinues() throws IOException {
        String longer = "x".repeat(InputLines.MAX_LENGTH + 1);

        List<InputRecord> records = readAll(utf8("\"a\n" + longer + "\n10001\n"));

        assertThat(records).hasSize(2);
        assertThat(records.get(0).tooLong()).isTrue();
        assertThat(records.get(0).lineNumber()).isEqualTo(1);
        assertThat(records.get(1)).isEqualTo(line(3, "10001"));
    }

    private static List<InputRecord> readAll(byte[] file) throws IOException {
        List<InputRecord> all = new ArrayList<>();
        try (CsvRecords records = new CsvRecords(new InputLines(new ByteArrayInputStream(file)))) {
            for (InputRecord record = records.next(); record != null; record = records.next()) {
                all.add(record);
            }
        }
        return all;
    }
}
