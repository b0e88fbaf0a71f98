package org.weatherbatch.input;

/**
 * Text read from an input file: one line, or one CSV record of one or more lines.
 *
 * @param lineNumber the number of its (first) line, counted from 1
 * @param text its text, lines joined by {@code \n}; for a record too long, only its start
 * @param tooLong whether it is longer than {@link InputLines#MAX_LENGTH} characters
 * @param notUtf8 whether its bytes are not valid UTF-8, the bad ones read as U+FFFD (not
 *        looked at in a line too long)
 */
record InputRecord(long lineNumber, String text, boolean tooLong, boolean notUtf8) {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** The text without a byte order mark and surrounding blanks, or null when blank or a comment. */
    String content() {
        String content = lineNumber == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK
                ? text.substring(1) : text;
        content = content.strip();
        return content.isEmpty() || content.startsWith("#") ? null : content;
    }
}
