package org.weatherbatch.output;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Counts of outcomes kept in the step's execution context. Counts of the chunk in
 * progress are pending until the chunk commits (the step calls {@link #update} just
 * before it commits, never after a rollback), so the counts match the outputs exactly,
 * across restarts too.
 */
public class OutcomeTally implements ItemStream {

    static final String PREFIX = "tally.";

    private final Map<String, Long> committed = new TreeMap<>();

    private final Map<String, Long> pending = new TreeMap<>();

    private final BiConsumer<String, Long> onCommit;

    public OutcomeTally() {
        this((outcome, count) -> {
        });
    }

    /** @param onCommit told the counts of each chunk as it commits: the one count of outcomes, for metrics too */
    public OutcomeTally(BiConsumer<String, Long> onCommit) {
        this.onCommit = onCommit;
    }

    public void add(String outcome) {
        pending.merge(outcome, 1L, Long::sum);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        committed.clear();
        pending.clear();
        committed.putAll(read(executionContext));
    }

    @Override
    public void update(ExecutionContext executionContext) {
        pending.forEach((outcome, count) -> {
            committed.merge(outcome, count, Long::sum);
            onCommit.accept(outcome, count);
        });
        pending.clear();
        committed.forEach((outcome, count) -> executionContext.putLong(PREFIX + outcome, count));
    }

    /** All outcomes counted so far: the items the step has committed, restarts included. */
    public static long total(ExecutionContext executionContext) {
        return read(executionContext).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The committed counts stored in an execution context, by outcome. */
    public static Map<String, Long> read(ExecutionContext executionContext) {
        Map<String, Long> counts = new TreeMap<>();
        executionContext.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(PREFIX))
                .forEach(entry -> counts.put(entry.getKey().substring(PREFIX.length()),
                        ((Number) entry.getValue()).longValue()));
        return counts;
    }
}
