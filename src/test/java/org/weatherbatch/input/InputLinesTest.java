package org.weatherbatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputLinesTest {

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void splitsLinesAtLfCrLfAndCrAndNumbersThem(boolean byteByByte) throws IOException {
        List<InputRecord> lines = readAll(utf8("02134\n10001\r\n\r\n20001\r00501"), byteByByte);

        assertThat(lines).containsExactly(line(1, "02134"), line(2, "10001"), line(3, ""), line(4, "20001"),
                line(5, "00501"));
    }

    @Test
    void aLastLineEndIsNoEmptyLineButAnEmptyLineIsOne() throws IOException {
        assertThat(readAll(utf8(""), false)).isEmpty();
        assertThat(readAll(utf8("02134\r\n"), false)).extracting(InputRecord::text).containsExactly("02134");
        assertThat(readAll(utf8("\n\n"), false)).extracting(InputRecord::text).containsExactly("", "");
    }

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void marksALineThatIsNotUtf8AndOnlyThatLine(boolean byteByByte) throws IOException {
        byte[] file = concat(utf8("Montr"), new byte[] { (byte) 0xE9 }, utf8("al,02134\nK\u00f8benhavn \uFFFD,10001\n"));

        List<InputRecord> lines = readAll(file, byteByByte);

        assertThat(lines).containsExactly(new InputRecord(1, "Montr\uFFFDal,02134", false, true),
                line(2, "K\u00f8benhavn \uFFFD,10001"));
    }

    @Test
    void aLineOfMaxLengthIsReadWholeInWhateverCharacters() throws IOException {
        String ascii = "x".repeat(InputLines.MAX_LENGTH);
        String accented = "\u00e9".repeat(InputLines.MAX_LENGTH);

        List<InputRecord> lines = readAll(utf8(ascii + "\n" + accented + "\n"), false);

        assertThat(lines).extracting(InputRecord::text).containsExactly(ascii, accented);
        assertThat(lines).noneMatch(InputRecord::tooLong);
    }

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void aLongerLineIsMarkedTooLongAndTheNextOneIsReadAsUsual(boolean byteByByte) throws IOException {
        String longer = "a".repeat(InputLines.MAX_LENGTH + 1);

        List<InputRecord> lines = readAll(utf8("02134\n" + longer + "\r\n10001\n"), byteByByte);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(line(1, "02134"));
        assertThat(lines.get(1).tooLong()).isTrue();
        assertThat(lines.get(1).lineNumber()).isEqualTo(2);
        assertThat(lines.get(2)).isEqualTo(line(3, "10001"));
    }

    /** More bytes than any array holds: only a reader that drops the rest of a line can get past it. */
    @Test
    void skipsALineLongerThanAnyArrayWithoutHoldingIt() throws IOException {
        InputStream file = new SequenceInputStream(new RepeatedByte((byte) 'x', Integer.MAX_VALUE + 10L),
                new ByteArrayInputStream(utf8("\n02134\n")));

        try (InputLines lines = new InputLines(file)) {
            InputRecord huge = lines.next();
            assertThat(huge.tooLong()).isTrue();
            assertThat(huge.text().length()).isLessThanOrEqualTo(4 * InputLines.MAX_LENGTH);
            assertThat(lines.next()).isEqualTo(line(2, "02134"));
            assertThat(lines.next()).isNull();
        }
    }

    static List<InputRecord> readAll(byte[] file, boolean byteByByte) throws IOException {
        InputStream in = new ByteArrayInputStream(file);
        List<InputRecord> all = new ArrayList<>();
        try (InputLines lines = new InputLines(byteByByte ? new OneByteAtATime(in) : in)) {
            for (InputRecord line = lines.next(); line != null; line = lines.next()) {
                all.add(line);
            }
        }
        return all;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(all::writeBytes);
        return all.toByteArray();
    }

    static InputRecord line(long lineNumber, String text) {
        return new InputRecord(lineNumber, text, false, false);
    }

    /** Each read returns one byte: every line end and character falls on a buffer's edge. */
    static final class OneByteAtATime extends FilterInputStream {

        OneByteAtATime(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1));
        }
    }

    /** The same byte, so many times, made as it is read. */
    static final class RepeatedByte extends InputStream {

        private final byte value;

        private long left;

        RepeatedByte(byte value, long count) {
            this.value = value;
            this.left = count;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }
}
