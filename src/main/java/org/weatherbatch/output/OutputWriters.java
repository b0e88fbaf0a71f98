package org.weatherbatch.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The writers of the part files that each step and fetch partition writes, without headers
 * (the merge step puts the parts together under one header). Each writes a chunk's lines
 * while the chunk is written, before the job repository records the commit, and a restart
 * truncates the file back to the last commit, so no line is ever written twice or lost. Not
 * Spring Batch's transactional mode: it writes in the commit, after the step execution's
 * version was raised, so a failed write (a full disk) left the execution UNKNOWN for good.
 */
public final class OutputWriters {

    static final List<String> FAILURE_COLUMNS = List.of("zip", "line", "reason", "detail");

    private static final String JSON_LINES_WRITER = "weatherJsonLinesWriter";

    private static final String CSV_WRITER = "weatherCsvWriter";

    private static final String FAILURES_WRITER = "failuresWriter";

    /** Spring Batch's key for a file writer's restart position, the bytes committed so far. */
    private static final String POSITION = ".current.count";

    private OutputWriters() {
    }

    /**
     * The line is put together as text around the response as received: serializing the
     * parsed response again was a fifth of the fetch step's CPU. Safe, as the other fields
     * need no escaping: a 5-digit zipcode, a provider's id, an ISO-8601 instant.
     */
    public static OutputFileWriter<Weather> jsonLines(Path file) {
        return new OutputFileWriter<>(file, JSON_LINES_WRITER,
                weather -> "{\"zip\":\"" + weather.zip() + "\",\"provider\":\"" + weather.provider()
                        + "\",\"fetchedAt\":\"" + weather.fetchedAt() + "\",\"response\":" + weather.response() + "}");
    }

    public static OutputFileWriter<Weather> csv(Path file) {
        return new OutputFileWriter<>(file, CSV_WRITER, WeatherCsv::row);
    }

    public static OutputFileWriter<Failure> failures(Path file) {
        return new OutputFileWriter<>(file, FAILURES_WRITER, failure -> CsvLines.format(failure.zipOrLine(),
                failure.lineNumber(), failure.reason().code(), failure.detail()));
    }

    /** Each writer's restart-position key in its step's execution context, and the file it writes. */
    static Map<String, Path> positionKeys(OutputFiles files) {
        return Map.of(JSON_LINES_WRITER + POSITION, files.jsonLines(), CSV_WRITER + POSITION, files.csv(),
                FAILURES_WRITER + POSITION, files.failures());
    }

    static String csvHeader() {
        return CsvLines.header(WeatherCsv.COLUMNS);
    }

    static String failuresHeader() {
        return CsvLines.header(FAILURE_COLUMNS);
    }
}
