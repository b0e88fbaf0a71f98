package org.weatherbatch.fetch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepInterruptionPolicy;

/**
 * The signal that the run in progress must stop now (SIGTERM, Ctrl-C): every worker
 * waiting on the rate limit, a throttling pause, a retry's backoff or an answer is
 * interrupted, and no new request is sent. The chunk in progress then rolls back and
 * the execution ends STOPPED.
 */
public class RunStop implements StepInterruptionPolicy {

    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();

    /** How to end the calls in progress that an interrupt can't reach (a blocking socket read). */
    private final Set<Runnable> blockingCalls = ConcurrentHashMap.newKeySet();

    private volatile boolean raised;

    public void raise() {
        raised = true;
        workers.forEach(Thread::interrupt);
        blockingCalls.forEach(Runnable::run);
    }

    /** A new run starts: the last one's signal no longer applies. */
    public void reset() {
        raised = false;
    }

    public boolean raised() {
        return raised;
    }

    /**
     * Checked by both steps between chunks. Marks the step terminate-only as well: Spring
     * Batch 6's ChunkOrientedStep takes the exception alone as the end of its items and
     * would complete the step with items unread (see spring-batch #5114 and #5165).
     */
    @Override
    public void checkInterrupted(StepExecution stepExecution) throws JobInterruptedException {
        if (raised) {
            stepExecution.setTerminateOnly();
            throw new JobInterruptedException("Stopped on request (SIGTERM or Ctrl-C)");
        }
    }

    /** A worker starts a fetch: a stop from now on interrupts it. */
    void enter() {
        workers.add(Thread.currentThread());
    }

    void exit() {
        workers.remove(Thread.currentThread());
    }

    /** A call is about to block: a stop, now or later, ends it with {@code abort}. */
    void blockingCall(Runnable abort) {
        blockingCalls.add(abort);
        if (raised) {
            abort.run();
        }
    }

    void blockingCallDone(Runnable abort) {
        blockingCalls.remove(abort);
    }

    /** Thrown in a worker once the stop is raised; its item is not written. */
    static class RunStoppedException extends RuntimeException {

        RunStoppedException() {
            super("The run is stopping", null, false, false);
        }
    }
}
