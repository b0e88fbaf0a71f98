package org.weatherbatch.input;

/** The input held no zipcode: running it again as it is would not help. */
public class NoZipcodesException extends IllegalStateException {

    NoZipcodesException() {
        super("The input holds no zipcode: it is empty, has only a header, or no column of it holds zipcodes "
                + "(the summary counts its lines, the failures file lists those that are not zipcodes). "
                + "Correct it and launch again with --weather.rerun.");
    }
}
