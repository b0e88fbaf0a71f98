package org.weatherbatch.output;

import java.util.List;

import org.apache.commons.csv.CSVFormat;

/** Formats one CSV record, quoting what needs quotes (city names with commas, say). */
final class CsvLines {

    private static final CSVFormat CSV = CSVFormat.DEFAULT;

    private CsvLines() {
    }

    static String format(Object... values) {
        return CSV.format(values);
    }

    static String header(List<String> columns) {
        return CSV.format(columns.toArray());
    }
}
