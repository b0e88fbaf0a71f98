package org.weatherbatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZipcodeLinesTest {

    private final ZipcodeLines firstColumn = new ZipcodeLines(new InputLayout(0, 0));

    @ParameterizedTest
    @CsvSource(delimiterString = "|", quoteCharacter = '~', value = {
            "02134|02134",
            "00501,Holtsville,NY|00501",
            "12345-6789|12345",
            "~ 10001 ,x~|10001",
            "\"02134\",\"Allston, MA\"|02134" })
    void readsTheZipcodeOfTheFirstColumn(String line, String zip) {
        ZipcodeLine parsed = firstColumn.mapLine(line, 5);

        assertThat(parsed.kind()).isEqualTo(ZipcodeLine.Kind.ZIPCODE);
        assertThat(parsed.zip()).isEqualTo(zip);
        assertThat(parsed.lineNumber()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", quoteCharacter = '~', value = {
            "hello|not a zipcode: hello",
            "2134|zipcode has 4 digits (a leading zero may have been lost)",
            "123456|not a zipcode: 123456",
            "12345-67|not a zipcode: 12345-67",
            ",x|empty zipcode",
            "\"02134|not a CSV line (unbalanced quotes?)" })
    void explainsWhyALineIsNotAZipcode(String line, String reason) {
        ZipcodeLine parsed = firstColumn.mapLine(line, 2);

        assertThat(parsed.kind()).isEqualTo(ZipcodeLine.Kind.INVALID);
        assertThat(parsed.reason()).isEqualTo(reason);
        assertThat(parsed.raw()).isEqualTo(line);
    }

    @Test
    void ignoresBlankAndCommentLinesAndAByteOrderMark() {
        assertThat(firstColumn.mapLine("", 3).kind()).isEqualTo(ZipcodeLine.Kind.IGNORED);
        assertThat(firstColumn.mapLine("  \t", 3).kind()).isEqualTo(ZipcodeLine.Kind.IGNORED);
        assertThat(firstColumn.mapLine("  # note", 3).kind()).isEqualTo(ZipcodeLine.Kind.IGNORED);
        assertThat(firstColumn.mapLine("\uFEFF02134", 1).zip()).isEqualTo("02134");
    }

    @Test
    void findsTheZipColumnByItsHeader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("in.csv");
        Files.writeString(file, "\uFEFF# export\r\n\r\nname,ZIP_code,state\r\nAllston,02134,MA\r\n");

        InputLayout layout = InputLayout.detect(file);

        assertThat(layout).isEqualTo(new InputLayout(3, 1));
        ZipcodeLines lines = new ZipcodeLines(layout);
        assertThat(lines.mapLine("name,ZIP_code,state", 3).kind()).isEqualTo(ZipcodeLine.Kind.IGNORED);
        assertThat(lines.mapLine("Allston,02134,MA", 4).zip()).isEqualTo("02134");
    }

    @Test
    void aFileWithoutHeaderReadsTheFirstColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("in.csv");
        Files.writeString(file, "02134,Allston\n10001,New York\n");

        assertThat(InputLayout.detect(file)).isEqualTo(new InputLayout(0, 0));
    }
}
