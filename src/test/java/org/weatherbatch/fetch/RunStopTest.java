package org.weatherbatch.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

class RunStopTest {

    private final RunStop stop = new RunStop();

    @Test
    void aRaisedStopEndsTheStepAtItsNextChunkAsTerminatedNotCompleted() {
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        assertThatCode(() -> stop.checkInterrupted(step)).doesNotThrowAnyException();
        assertThat(step.isTerminateOnly()).isFalse();

        stop.raise();

        assertThatThrownBy(() -> stop.checkInterrupted(step)).isInstanceOf(JobInterruptedException.class);
        assertThat(step.isTerminateOnly()).isTrue();
    }

    @Test
    void aStopInterruptsTheWorkersFetchingAndAbortsTheirBlockingCalls() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            stop.enter();
            fetching.countDown();
            try {
                Thread.sleep(60_000);
            }
            catch (InterruptedException e) {
                interrupted.set(true);
            }
            finally {
                stop.exit();
            }
        });
        worker.start();
        fetching.await(10, TimeUnit.SECONDS);
        AtomicInteger aborts = new AtomicInteger();
        Runnable abortRead = aborts::incrementAndGet;
        stop.blockingCall(abortRead);

        stop.raise();
        worker.join(10_000);

        assertThat(interrupted).isTrue();
        assertThat(aborts).hasValue(1);
    }

    @Test
    void aCallThatBlocksAfterTheStopIsAbortedAtOnceAndANewRunStartsClear() {
        stop.raise();
        AtomicInteger aborts = new AtomicInteger();

        stop.blockingCall(aborts::incrementAndGet);
        assertThat(aborts).hasValue(1);

        stop.reset();
        assertThat(stop.raised()).isFalse();
        assertThatCode(() -> stop.checkInterrupted(MetaDataInstanceFactory.createStepExecution()))
                .doesNotThrowAnyException();
    }
}
