package org.weatherbatch.fetch;

import java.util.concurrent.atomic.AtomicLong;

/** Zipcodes fetched or failed since the process started: what progress reports count. */
public class FetchProgress {

    private final AtomicLong done = new AtomicLong();

    void itemDone() {
        done.incrementAndGet();
    }

    public long done() {
        return done.get();
    }
}
