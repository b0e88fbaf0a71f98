package org.weatherbatch.input;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import org.weatherbatch.output.CompositeStreamWriter;
import org.weatherbatch.output.Failure;
import org.weatherbatch.output.OutputFileWriter;
import org.weatherbatch.output.FailureReason;
import org.weatherbatch.output.OutcomeTally;

/**
 * Stages each new zipcode for the fetch step, writes each line that is not a zipcode to
 * the failures file, and counts every kind of line for the run's summary.
 */
public class StagingWriter extends CompositeStreamWriter<ZipcodeLine> {

    private final ItemWriter<StagedZipcode> staging;

    private final OutputFileWriter<Failure> failures;

    private final OutcomeTally tally;

    public StagingWriter(ItemWriter<StagedZipcode> staging, OutputFileWriter<Failure> failures) {
        this(staging, failures, new OutcomeTally());
    }

    private StagingWriter(ItemWriter<StagedZipcode> staging, OutputFileWriter<Failure> failures, OutcomeTally tally) {
        super(failures, tally);
        this.staging = staging;
        this.tally = tally;
        this.failures = failures;
    }

    @Override
    public void write(Chunk<? extends ZipcodeLine> lines) throws Exception {
        Chunk<StagedZipcode> zipcodes = new Chunk<>();
        Chunk<Failure> invalid = new Chunk<>();
        for (ZipcodeLine line : lines) {
            tally.add(line.kind().name());
            switch (line.kind()) {
                case ZIPCODE -> zipcodes.add(new StagedZipcode(line.lineNumber(), line.zip()));
                case INVALID -> invalid.add(
                        new Failure(line.raw(), line.lineNumber(), FailureReason.INVALID_LINE, line.reason()));
                default -> {
                    // duplicates and ignored lines are only counted
                }
            }
        }
        staging.write(zipcodes);
        failures.write(invalid);
    }
}
