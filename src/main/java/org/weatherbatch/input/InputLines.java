package org.weatherbatch.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the lines of an input file as UTF-8, numbering them; a line ends with LF, CRLF or
 * CR. A line longer than {@link #MAX_LENGTH} characters is marked too long, and the rest of
 * it is skipped, never held in memory; a line whose bytes are not UTF-8 is marked so.
 * Hand-written: BufferedReader holds a whole line however long, and a decoder that replaces
 * bad bytes does not say in which line they were.
 */
final class InputLines implements Closeable {

    /** Far longer than any real row of zipcodes and addresses, yet little memory to hold. */
    static final int MAX_LENGTH = 65_536;

    /** A character takes at most 4 bytes, so a line of more bytes is too long whatever they are. */
    private static final int MAX_BYTES = 4 * MAX_LENGTH;

    private static final char REPLACEMENT = '\uFFFD';

    private final InputStream in;

    private final byte[] buffer = new byte[64 * 1024];

    private int position;

    private int limit;

    /** The start of a line that goes on past the end of the buffer, at most MAX_BYTES of it. */
    private byte[] head = new byte[256];

    private int headLength;

    /** The last line ended with CR: an LF right after it ends no line of its own. */
    private boolean afterCarriageReturn;

    private long lineNumber;

    InputLines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the file. */
    InputRecord next() throws IOException {
        headLength = 0;
        boolean cut = false;
        while (position < limit || fill()) {
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int end = position;
            while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                end++;
            }
            if (end < limit) {
                InputRecord line;
                if (headLength == 0) {
                    line = line(buffer, position, end - position, false);
                }
                else {
                    cut |= keep(position, end);
                    line = line(head, 0, headLength, cut);
                }
                afterCarriageReturn = buffer[end] == '\r';
                position = end + 1;
                return line;
            }
            cut |= keep(position, limit);
            position = limit;
        }
        return headLength == 0 ? null : line(head, 0, headLength, cut);
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    /** Keeps the buffer's bytes from..to as part of the line; true when some had to be dropped. */
    private boolean keep(int from, int to) {
        int kept = Math.min(MAX_BYTES - headLength, to - from);
        if (headLength + kept > head.length) {
            head = Arrays.copyOf(head, Math.min(MAX_BYTES, Math.max(2 * head.length, headLength + kept)));
        }
        System.arraycopy(buffer, from, head, headLength, kept);
        headLength += kept;
        return kept < to - from;
    }

    private InputRecord line(byte[] bytes, int offset, int length, boolean cut) {
        lineNumber++;
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        boolean tooLong = cut || text.length() > MAX_LENGTH;
        return new InputRecord(lineNumber, text, tooLong, !tooLong && notUtf8(text, bytes, offset, length));
    }

    /** Decoding puts U+FFFD for bad bytes: only a line that has one can be bad (or hold a real one). */
    private static boolean notUtf8(String text, byte[] bytes, int offset, int length) {
        if (text.indexOf(REPLACEMENT) < 0) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, offset, length));
            return false;
        }
        catch (CharacterCodingException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
