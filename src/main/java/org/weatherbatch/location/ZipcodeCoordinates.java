package org.weatherbatch.location;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;

/**
 * The coordinates of US zipcodes: the Census Bureau's ZCTA gazetteer internal points
 * (public domain), bundled as a gzipped CSV (see the README for its source). Held as two
 * arrays indexed by the zipcode's number, so a look-up is an array access.
 */
public final class ZipcodeCoordinates {

    static final String RESOURCE = "zipcodes/us-zcta-internal-points.csv.gz";

    private static final int ZIPCODES = 100_000;

    private final double[] latitudes = new double[ZIPCODES];

    private final double[] longitudes = new double[ZIPCODES];

    private final int size;

    private ZipcodeCoordinates(BufferedReader rows) throws IOException {
        Arrays.fill(latitudes, Double.NaN);
        int count = 0;
        rows.readLine(); // header
        for (String row = rows.readLine(); row != null; row = rows.readLine()) {
            int firstComma = row.indexOf(',');
            int secondComma = row.indexOf(',', firstComma + 1);
            int zip = Integer.parseInt(row, 0, firstComma, 10);
            latitudes[zip] = Double.parseDouble(row.substring(firstComma + 1, secondComma));
            longitudes[zip] = Double.parseDouble(row.substring(secondComma + 1));
            count++;
        }
        this.size = count;
    }

    public static ZipcodeCoordinates load() {
        try (BufferedReader rows = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ClassPathResource(RESOURCE).getInputStream()), StandardCharsets.US_ASCII))) {
            return new ZipcodeCoordinates(rows);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled zipcode table " + RESOURCE, e);
        }
    }

    /** The zipcode's internal point; empty for zipcodes with no area, such as PO-box-only ones. */
    public Optional<Coordinates> of(String zip) {
        int index = Integer.parseInt(zip);
        return Double.isNaN(latitudes[index]) ? Optional.empty()
                : Optional.of(new Coordinates(latitudes[index], longitudes[index]));
    }

    public int size() {
        return size;
    }

    public record Coordinates(double latitude, double longitude) {
    }
}
