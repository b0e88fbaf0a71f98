package org.weatherbatch.output;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.support.CompositeItemStream;

/**
 * A writer that sorts items among writers of its own: opens, saves and closes their state
 * with the step's, so that each restarts from the last commit.
 */
public abstract class CompositeStreamWriter<T> implements ItemStreamWriter<T> {

    private final CompositeItemStream streams;

    protected CompositeStreamWriter(ItemStream... streams) {
        this.streams = new CompositeItemStream(streams);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        streams.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        streams.update(executionContext);
    }

    @Override
    public void close() {
        streams.close();
    }
}
