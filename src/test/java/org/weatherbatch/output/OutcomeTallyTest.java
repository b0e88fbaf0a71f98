package org.weatherbatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class OutcomeTallyTest {

    private final ExecutionContext stepContext = new ExecutionContext();

    @Test
    void onlyCommittedChunksCountAndARestartGoesOnFromThem() {
        OutcomeTally tally = new OutcomeTally();
        tally.open(stepContext);
        tally.add("fetched");
        tally.add("fetched");
        tally.add("not-found");
        tally.update(stepContext); // the chunk commits
        tally.add("fetched");
        tally.add("timeout"); // this chunk rolls back: the step never calls update, and fails

        OutcomeTally restarted = new OutcomeTally();
        restarted.open(stepContext);
        restarted.add("fetched");
        restarted.update(stepContext);
        restarted.update(stepContext); // a chunk that counted nothing new

        assertThat(OutcomeTally.read(stepContext)).isEqualTo(Map.of("fetched", 3L, "not-found", 1L));
        assertThat(OutcomeTally.total(stepContext)).isEqualTo(4);
    }

    @Test
    void aStepContextWithoutCountsReadsAsNothingCounted() {
        stepContext.putString("batch.taskletType", "chunk");

        assertThat(OutcomeTally.read(stepContext)).isEmpty();
        assertThat(OutcomeTally.total(stepContext)).isZero();
    }

    @Test
    void eachCommittedChunkIsToldOnceAndARolledBackOneNever() {
        Map<String, Long> told = new TreeMap<>();
        OutcomeTally tally = new OutcomeTally((outcome, count) -> told.merge(outcome, count, Long::sum));
        tally.open(stepContext);
        tally.add("fetched");
        tally.add("timeout");
        tally.update(stepContext);
        tally.update(stepContext);
        tally.add("fetched"); // rolled back: no update

        assertThat(told).isEqualTo(Map.of("fetched", 1L, "timeout", 1L));
    }
}
