package org.weatherbatch.job;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.core.SimpleLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's lease, held for as long as the run runs and renewed every third of its length
 * with ShedLock's lock extension. Renewed here rather than by ShedLock's KeepAliveLockProvider,
 * which refuses leases under 30 s and only logs a lease it could not renew: a run whose lease
 * ran out may be taken over by another host, so it is stopped.
 */
final class RunLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunLease.class);

    private final String run;

    private final Duration length;

    private final Runnable onLost;

    private final Runnable onClosed;

    private final ScheduledFuture<?> renewal;

    /** null once lost. */
    private SimpleLock lock;

    private long renewedAt = System.nanoTime();

    private boolean closed;

    RunLease(String run, SimpleLock lock, Duration length, ScheduledExecutorService renewals, Runnable onLost,
            Runnable onClosed) {
        this.run = run;
        this.lock = lock;
        this.length = length;
        this.onLost = onLost;
        this.onClosed = onClosed;
        long period = length.toMillis() / 3;
        this.renewal = renewals.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    private synchronized void renew() {
        if (closed) {
            return;
        }
        try {
            Optional<SimpleLock> renewed = lock.extend(length, Duration.ZERO);
            if (renewed.isPresent()) {
                lock = renewed.get();
                renewedAt = System.nanoTime();
            }
            else {
                lock = null; // ShedLock's lock is spent by the attempt
                lost("it had run out and is no longer this process's");
            }
        }
        catch (RuntimeException e) {
            if (System.nanoTime() - renewedAt < length.toNanos()) {
                log.warn("Could not renew the lease on the run of {} ({}); trying again.", run, e.getMessage());
            }
            else {
                lost("it could not be renewed before it ran out: " + e.getMessage());
            }
        }
    }

    private void lost(String why) {
        log.error("Lost the lease on the run of {} ({}): stopping the run, which another host may take over.",
                run, why);
        renewal.cancel(false);
        onLost.run();
    }

    @Override
    public synchronized void close() {
        closed = true;
        renewal.cancel(false);
        try {
            if (lock != null) {
                lock.unlock();
            }
        }
        catch (RuntimeException e) {
            log.warn("Could not release the lease on the run of {} ({}): it runs out within {} s.", run,
                    e.getMessage(), length.toSeconds());
        }
        finally {
            onClosed.run();
        }
    }
}
