package org.weatherbatch.input;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

import org.weatherbatch.output.CompositeStreamWriter;
import org.weatherbatch.output.Failure;
import org.weatherbatch.output.OutcomeTally;
import org.weatherbatch.output.OutputFileWriter;

/**
 * A retry's stage step writer, given the night's failures: stages each one worth retrying
 * for the fetch step, by its input line, and keeps every other one as it was in the stage's
 * failures part, which the merge puts back at the head of the night's failures file. Counts
 * both by reason ("retried.timeout", "kept.not-found"), for the night's counts after the retry.
 */
public class RetryStagingWriter extends CompositeStreamWriter<Failure> {

    public static final String RETRIED = "retried.";

    public static final String KEPT = "kept.";

    private final StagedZipcodeDao stagedZipcodes;

    private final long jobInstanceId;

    private final ItemWriter<StagedZipcode> staging;

    private final OutputFileWriter<Failure> kept;

    private final OutcomeTally tally;

    public RetryStagingWriter(StagedZipcodeDao stagedZipcodes, long jobInstanceId, OutputFileWriter<Failure> kept) {
        this(stagedZipcodes, jobInstanceId, kept, new OutcomeTally());
    }

    private RetryStagingWriter(StagedZipcodeDao stagedZipcodes, long jobInstanceId, OutputFileWriter<Failure> kept,
            OutcomeTally tally) {
        super(kept, tally);
        this.stagedZipcodes = stagedZipcodes;
        this.jobInstanceId = jobInstanceId;
        this.staging = stagedZipcodes.writer(jobInstanceId);
        this.kept = kept;
        this.tally = tally;
    }

    /** Makes the retry's staging table, or finds it with the rows committed before a restart. */
    @Override
    public void open(ExecutionContext executionContext) {
        stagedZipcodes.create(jobInstanceId);
        super.open(executionContext);
    }

    @Override
    public void write(Chunk<? extends Failure> failures) throws Exception {
        Chunk<StagedZipcode> retried = new Chunk<>();
        Chunk<Failure> unchanged = new Chunk<>();
        for (Failure failure : failures) {
            if (failure.reason().retryable()) {
                retried.add(new StagedZipcode(failure.lineNumber(), failure.zipOrLine()));
                tally.add(RETRIED + failure.reason().code());
            }
            else {
                unchanged.add(failure);
                tally.add(KEPT + failure.reason().code());
            }
        }
        staging.write(retried);
        kept.write(unchanged);
    }
}
