package org.weatherbatch.input;

/**
 * A valid, de-duplicated zipcode waiting to be fetched.
 *
 * @param lineNumber the line of the input file it came from
 * @param zip the 5-digit zipcode
 */
public record StagedZipcode(long lineNumber, String zip) {
}
