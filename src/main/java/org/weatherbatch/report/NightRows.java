package org.weatherbatch.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.weatherbatch.output.OutputFiles;

/**
 * What a night's output files hold, as the report needs it: the weather rows and the
 * failure rows. A run that has merged its outputs is read from them; one that has not (it
 * failed, stopped or was killed) from its part files, which hold what its commits wrote
 * (and at most a chunk more per partition, which a restart will write again).
 */
/**
 * @param weather the weather rows; read from the files as they are gone through, as a large night's
 *        rows would take tens of megabytes held at once
 */
public record NightRows(Iterable<WeatherLine> weather, List<FailureLine> failures) {

    private static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .get();

    /** A row of the weather CSV: the columns the map shows. */
    public record WeatherLine(String zip, String city, double temperature, String conditions) {
    }

    /** A row of the failures file. */
    public record FailureLine(String zip, String line, String reason, String detail) {
    }

    public static NightRows read(OutputFiles outputs, long jobInstanceId, boolean merged) {
        List<FailureLine> failures = new ArrayList<>();
        if (merged) {
            readFailures(outputs.failures(), true, failures);
            return new NightRows(new WeatherFiles(List.of(outputs.csv()), true), failures);
        }
        readFailures(outputs.stagePart(jobInstanceId).failures(), false, failures);
        for (Path part : parts(outputs, jobInstanceId, "-failures.csv")) {
            readFailures(part, false, failures);
        }
        return new NightRows(new WeatherFiles(parts(outputs, jobInstanceId, ".csv"), false), failures);
    }

    /** The weather rows of CSV files, one file after the other, each read as its rows are gone through. */
    private record WeatherFiles(List<Path> files, boolean header) implements Iterable<WeatherLine> {

        @Override
        public Iterator<WeatherLine> iterator() {
            return new Iterator<>() {

                private int nextFile;

                private Reader reader;

                private Iterator<CSVRecord> records = Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    try {
                        while (!records.hasNext()) {
                            if (reader != null) {
                                reader.close();
                                reader = null;
                            }
                            if (nextFile == files.size()) {
                                return false;
                            }
                            Path file = files.get(nextFile++);
                            if (Files.exists(file)) {
                                reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                                records = (header ? WITH_HEADER : CSVFormat.DEFAULT).parse(reader).iterator();
                            }
                        }
                        return true;
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException("Cannot read the weather rows for the report", e);
                    }
                }

                @Override
                public WeatherLine next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    CSVRecord row = records.next();
                    return new WeatherLine(row.get(0), row.get(1), Double.parseDouble(row.get(3)), row.get(10));
                }
            };
        }
    }

    /** The fetch partitions' part files of that kind, in partition order. */
    private static List<Path> parts(OutputFiles outputs, long jobInstanceId, String suffix) {
        Path first = outputs.part(jobInstanceId, 0).csv().toAbsolutePath();
        Pattern name = Pattern.compile(Pattern.quote(Path.of(outputs.prefix()).getFileName() + ".run" + jobInstanceId
                + ".part") + "\\d{4}" + Pattern.quote(suffix));
        if (!Files.isDirectory(first.getParent())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(first.getParent())) {
            return files.filter(file -> name.matcher(file.getFileName().toString()).matches()).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list the part files in " + first.getParent(), e);
        }
    }

    private static void readFailures(Path file, boolean header, List<FailureLine> into) {
        read(file, header, row -> into.add(new FailureLine(row.get(0), row.get(1), row.get(2), row.get(3))));
    }

    private static void read(Path file, boolean header, Consumer<CSVRecord> row) {
        if (!Files.exists(file)) {
            return;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : (header ? WITH_HEADER : CSVFormat.DEFAULT).parse(reader)) {
                row.accept(record);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " for the report", e);
        }
    }
}
