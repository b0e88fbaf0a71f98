package org.weatherbatch.input;

import java.util.BitSet;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Marks the second and later occurrences of a zipcode as duplicates. On open it makes the
 * run's staging table, or, on a restart, loads the zipcodes an earlier execution staged, so a
 * duplicate stays a duplicate when the run restarts past its first occurrence. A bit per
 * possible 5-digit zipcode keeps memory flat whatever the size of the file.
 */
public class DuplicateZipcodeFilter implements ItemProcessor<ZipcodeLine, ZipcodeLine>, ItemStream {

    private static final int ZIPCODES = 100_000;

    private final StagedZipcodeDao staged;

    private final long jobInstanceId;

    private final BitSet seen = new BitSet(ZIPCODES);

    public DuplicateZipcodeFilter(StagedZipcodeDao staged, long jobInstanceId) {
        this.staged = staged;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        seen.clear();
        staged.create(jobInstanceId);
        staged.forEachZip(jobInstanceId, zip -> seen.set(Integer.parseInt(zip)));
    }

    @Override
    public ZipcodeLine process(ZipcodeLine line) {
        if (line.kind() != ZipcodeLine.Kind.ZIPCODE) {
            return line;
        }
        int zip = Integer.parseInt(line.zip());
        if (seen.get(zip)) {
            return line.asDuplicate();
        }
        seen.set(zip);
        return line;
    }
}
