package org.weatherbatch.input;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a run's staged zipcodes into contiguous ranges of lines of about equal size, one
 * per partition, numbered in line order so that their outputs put together keep the input's
 * order. Repeatable: a restart gets the same ranges from the same staged zipcodes.
 */
public class StagedZipcodePartitioner implements Partitioner {

    public static final String FIRST_LINE = "firstLine";

    public static final String LAST_LINE = "lastLine";

    public static final String PART = "part";

    private final StagedZipcodeDao stagedZipcodes;

    private final long jobInstanceId;

    private final int rangeSize;

    /** Partitions per grid slot at most: each is a step execution, kept in memory for the run. */
    private static final int MAX_PER_SLOT = 4;

    /** @param rangeSize the zipcodes a partition gets when there are enough for more than the grid size */
    public StagedZipcodePartitioner(StagedZipcodeDao stagedZipcodes, long jobInstanceId, int rangeSize) {
        this.stagedZipcodes = stagedZipcodes;
        this.jobInstanceId = jobInstanceId;
        this.rangeSize = rangeSize;
    }

    /**
     * Ranges of the range size, at least gridSize of them and at most four times that; none,
     * failing the run before any request, when the input held no zipcode.
     */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int staged = stagedZipcodes.count(jobInstanceId);
        if (staged == 0) {
            throw new NoZipcodesException();
        }
        int parts = Math.max(gridSize, Math.min((staged + rangeSize - 1) / rangeSize, MAX_PER_SLOT * gridSize));
        List<Long> starts = stagedZipcodes.rangeStarts(jobInstanceId, parts);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int part = 0; part < starts.size(); part++) {
            ExecutionContext range = new ExecutionContext();
            range.putLong(FIRST_LINE, starts.get(part));
            range.putLong(LAST_LINE, part + 1 < starts.size() ? starts.get(part + 1) - 1 : Long.MAX_VALUE);
            range.putInt(PART, part);
            partitions.put(name(part), range);
        }
        return partitions;
    }

    /** Zero-padded, so that partitions sort in line order by name too. */
    public static String name(int part) {
        return "partition%04d".formatted(part);
    }
}
