package org.weatherbatch.input;

/**
 * One line of an input file, or one CSV record of several lines, classified.
 *
 * @param lineNumber the number of its (first) line in the file, counted from 1
 * @param raw the line as read: a record's lines joined by {@code \n}; of one too long, its start
 * @param kind what the line holds
 * @param zip the 5-digit zipcode, for {@link Kind#ZIPCODE} and {@link Kind#DUPLICATE}
 * @param reason why the line is not a zipcode, for {@link Kind#INVALID}
 */
public record ZipcodeLine(long lineNumber, String raw, Kind kind, String zip, String reason) {

    public enum Kind {
        /** A zipcode seen for the first time: to be fetched. */
        ZIPCODE,
        /** A zipcode seen earlier in the file: fetched once only. */
        DUPLICATE,
        /** A line that should hold a zipcode and does not. */
        INVALID,
        /** A header, blank or comment line. */
        IGNORED
    }

    static ZipcodeLine zipcode(long lineNumber, String raw, String zip) {
        return new ZipcodeLine(lineNumber, raw, Kind.ZIPCODE, zip, null);
    }

    static ZipcodeLine invalid(long lineNumber, String raw, String reason) {
        return new ZipcodeLine(lineNumber, raw, Kind.INVALID, null, reason);
    }

    static ZipcodeLine ignored(long lineNumber, String raw) {
        return new ZipcodeLine(lineNumber, raw, Kind.IGNORED, null, null);
    }

    ZipcodeLine asDuplicate() {
        return new ZipcodeLine(lineNumber, raw, Kind.DUPLICATE, zip, null);
    }
}
