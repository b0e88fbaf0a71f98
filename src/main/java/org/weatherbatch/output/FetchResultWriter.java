package org.weatherbatch.output;

import java.util.function.BiConsumer;

import org.springframework.batch.infrastructure.item.Chunk;


/**
 * Writes each weather to the JSON lines and the CSV files and each failure to the
 * failures file, and counts them for the run's summary.
 */
public class FetchResultWriter extends CompositeStreamWriter<FetchResult> {

    public static final String FETCHED = "fetched";

    private final OutputFileWriter<Weather> jsonLines;

    private final OutputFileWriter<Weather> csv;

    private final OutputFileWriter<Failure> failures;

    private final OutcomeTally tally;

    /** @param committedOutcomes told each chunk's outcomes as it commits (metrics, progress) */
    public FetchResultWriter(OutputFileWriter<Weather> jsonLines, OutputFileWriter<Weather> csv,
            OutputFileWriter<Failure> failures, BiConsumer<String, Long> committedOutcomes) {
        this(jsonLines, csv, failures, new OutcomeTally(committedOutcomes));
    }

    private FetchResultWriter(OutputFileWriter<Weather> jsonLines, OutputFileWriter<Weather> csv,
            OutputFileWriter<Failure> failures, OutcomeTally tally) {
        super(jsonLines, csv, failures, tally);
        this.jsonLines = jsonLines;
        this.tally = tally;
        this.csv = csv;
        this.failures = failures;
    }

    @Override
    public void write(Chunk<? extends FetchResult> results) throws Exception {
        Chunk<Weather> weathers = new Chunk<>();
        Chunk<Failure> failed = new Chunk<>();
        for (FetchResult result : results) {
            if (result instanceof Weather weather) {
                weathers.add(weather);
                tally.add(FETCHED);
            }
            else if (result instanceof Failure failure) {
                failed.add(failure);
                tally.add(failure.reason().code());
            }
        }
        jsonLines.write(weathers);
        csv.write(weathers);
        failures.write(failed);
    }
}
