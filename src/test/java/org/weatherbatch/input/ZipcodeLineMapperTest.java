package org.weatherbatch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.weatherbatch.input.InputLinesTest.concat;
import static org.weatherbatch.input.InputLinesTest.utf8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZipcodeLineMapperTest {

    private final ZipcodeLineMapper firstColumn = new ZipcodeLineMapper(new InputLayout(0, 0));

    @ParameterizedTest
    @CsvSource(delimiterString = "|", quoteCharacter = '~', value = {
            "02134|02134",
            "00501,Holtsville,NY|00501",
            "12345-6789|12345",
            "~ 10001 ,x~|10001",
            "\"02134\",\"Allston, MA\"|02134" })
    void readsTheZipcodeOfTheFirstColumn(String line, String zip) {
        ZipcodeLine parsed = firstColumn.map(record(5, line));

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
        ZipcodeLine parsed = firstColumn.map(record(2, line));

        assertThat(parsed.kind()).isEqualTo(ZipcodeLine.Kind.INVALID);
        assertThat(parsed.reason()).isEqualTo(reason);
        assertThat(parsed.raw()).isEqualTo(line);
    }

    @Test
    void ignoresBlankAndCommentLinesAndAByteOrderMark() {
        assertThat(firstColumn.map(record(3, "")).kind()).isEqualTo(ZipcodeLine.Kind.IGNORED);
        assertThat(firstColumn.map(record(3, "  \t")).kind()).isEqualTo(ZipcodeLine.Kind.IGNORED);
        assertThat(firstColumn.map(record(3, "  # note")).kind()).isEqualTo(ZipcodeLine.Kind.IGNORED);
        assertThat(firstColumn.map(record(1, "\uFEFF02134")).zip()).isEqualTo("02134");
    }

    @Test
    void readsTheZipcodeOfARecordThatSpansLines() {
        ZipcodeLineMapper thirdColumn = new ZipcodeLineMapper(new InputLayout(1, 2));

        ZipcodeLine parsed = thirdColumn.map(record(2, "\"Smith, J\",\"1 Main St\nApt 4\",02134"));

        assertThat(parsed).isEqualTo(ZipcodeLine.zipcode(2, "\"Smith, J\",\"1 Main St\nApt 4\",02134", "02134"));
    }

    @Test
    void aRecordThatIsNotUtf8IsInvalidWhereverItsBadBytesAre() {
        InputRecord inTheZipColumn = new InputRecord(4, "0213\uFFFD,Allston", false, true);
        InputRecord inAnotherColumn = new InputRecord(5, "02134,Montr\uFFFDal", false, true);
        InputRecord aComment = new InputRecord(6, "# caf\uFFFD", false, true);

        assertThat(List.of(inTheZipColumn, inAnotherColumn, aComment)).map(firstColumn::map).containsExactly(
                ZipcodeLine.invalid(4, "0213\uFFFD,Allston", "not UTF-8"),
                ZipcodeLine.invalid(5, "02134,Montr\uFFFDal", "not UTF-8"),
                ZipcodeLine.invalid(6, "# caf\uFFFD", "not UTF-8"));
    }

    @Test
    void aRecordTooLongIsInvalidAndOnlyItsStartIsKept() {
        String start = "02134," + "x".repeat(200);

        ZipcodeLine parsed = firstColumn.map(new InputRecord(7, start, true, false));

        assertThat(parsed).isEqualTo(ZipcodeLine.invalid(7, start.substring(0, ZipcodeLineMapper.SHOWN_OF_A_LONG_LINE),
                "line longer than 65536 characters"));
    }

    @Test
    void textThatHoldsTwoRecordsIsNotOneLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> ZipcodeLineMapper.fields("\"02134\"\n10001"))
                .withMessage("not a CSV line (unbalanced quotes?)");
    }

    @Test
    void aHeaderThatIsNotUtf8StillNamesTheColumns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("in.csv");
        Files.write(file, concat(utf8("Stra"), new byte[] { (byte) 0xDF }, utf8("e,zip\nMain,02134\n")));

        InputLayout layout = InputLayout.detect(file);

        assertThat(layout).isEqualTo(new InputLayout(1, 1));
        assertThat(new ZipcodeLineMapper(layout).map(new InputRecord(1, "Stra\uFFFDe,zip", false, true)))
                .as("the line is reported all the same")
                .isEqualTo(ZipcodeLine.invalid(1, "Stra\uFFFDe,zip", "not UTF-8"));
    }

    @Test
    void findsTheHeaderOfAFileWhoseFirstLinesAreNotUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("in.csv");
        Files.write(file, concat(utf8("# export of "), new byte[] { (byte) 0xE9 }, utf8("t\u00e9\ncity,zip\nCaf"),
                new byte[] { (byte) 0xE9 }, utf8(",02134\n")));

        assertThat(InputLayout.detect(file)).isEqualTo(new InputLayout(2, 1));
    }

    @Test
    void aHeaderMaySpanLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("in.csv");
        Files.writeString(file, "\"full\r\nname\",zip\r\nSmith,02134\r\n");

        assertThat(InputLayout.detect(file)).isEqualTo(new InputLayout(1, 1));
    }

    @Test
    void findsTheZipColumnByItsHeader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("in.csv");
        Files.writeString(file, "\uFEFF# export\r\n\r\nname,ZIP_code,state\r\nAllston,02134,MA\r\n");

        InputLayout layout = InputLayout.detect(file);

        assertThat(layout).isEqualTo(new InputLayout(3, 1));
        ZipcodeLineMapper lines = new ZipcodeLineMapper(layout);
        assertThat(lines.map(record(3, "name,ZIP_code,state")).kind()).isEqualTo(ZipcodeLine.Kind.IGNORED);
        assertThat(lines.map(record(4, "Allston,02134,MA")).zip()).isEqualTo("02134");
    }

    @Test
    void aFileWithoutHeaderReadsTheFirstColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("in.csv");
        Files.writeString(file, "02134,Allston\n10001,New York\n");

        assertThat(InputLayout.detect(file)).isEqualTo(new InputLayout(0, 0));
    }

    private static InputRecord record(long lineNumber, String text) {
        return new InputRecord(lineNumber, text, false, false);
    }
}
