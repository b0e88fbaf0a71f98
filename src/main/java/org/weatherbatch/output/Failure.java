package org.weatherbatch.output;

/**
 * A row of the failures file. Its first column is the zipcode, or the raw line when the
 * line held no zipcode, so the failures file can be fed back as an input file.
 *
 * @param zipOrLine the zipcode, or the line as read
 * @param lineNumber the line of the input file
 * @param reason a short reason from a fixed vocabulary, for counting
 * @param detail what exactly went wrong
 */
public record Failure(String zipOrLine, long lineNumber, FailureReason reason, String detail) implements FetchResult {
}
