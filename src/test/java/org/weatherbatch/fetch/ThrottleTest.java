package org.weatherbatch.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final Duration PAUSE = Duration.ofMillis(300);

    private final ApiHealth health = new ApiHealth(25);

    @Test
    void a429PausesEveryWorkerForTheWaitTheApiAskedFor() throws Exception {
        Throttle throttle = new Throttle(Duration.ofMinutes(1), Duration.ofMinutes(10), health);

        long start = System.nanoTime();
        throttle.throttled(new Attempt.Throttled(PAUSE, "429"));
        long otherWorkerWaited = CompletableFuture.supplyAsync(() -> {
            throttle.awaitClearance();
            return System.nanoTime() - start;
        }).get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(otherWorkerWaited)).isGreaterThanOrEqualTo(PAUSE);
        assertThatCode(health::ensureUp).doesNotThrowAnyException();
    }

    @Test
    void withoutRetryAfterTheConfiguredPauseApplies() {
        Throttle throttle = new Throttle(PAUSE, Duration.ofMinutes(10), health);

        long start = System.nanoTime();
        throttle.throttled(new Attempt.Throttled(null, "429"));
        throttle.awaitClearance();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(PAUSE);
    }

    @Test
    void aPauseThatWouldOutlastThePatienceMarksTheApiDownInsteadOfWaiting() {
        Throttle throttle = new Throttle(Duration.ofMinutes(1), Duration.ofSeconds(30), health);

        throttle.throttled(new Attempt.Throttled(null, "429 Too Many Requests"));

        assertThatThrownBy(health::ensureUp).isInstanceOf(ApiUnavailableException.class)
                .hasMessageContaining("kept answering 429 Too Many Requests (429 Too Many Requests)")
                .hasMessageContaining("weather.api.throttle-patience");
        long start = System.nanoTime();
        throttle.awaitClearance();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void patienceCountsFromTheFirst429OfASpellAndAnAnswerEndsTheSpell() throws Exception {
        Throttle throttle = new Throttle(Duration.ofMillis(50), Duration.ofMillis(400), health);
        throttle.throttled(new Attempt.Throttled(null, "429"));
        Thread.sleep(400);
        throttle.answered();

        throttle.throttled(new Attempt.Throttled(null, "429"));
        assertThatCode(health::ensureUp).doesNotThrowAnyException();

        Thread.sleep(400);
        throttle.throttled(new Attempt.Throttled(null, "429"));
        assertThatThrownBy(health::ensureUp).isInstanceOf(ApiUnavailableException.class);
    }

    @Test
    void aStopInterruptsAWorkerWaitingOutAPause() throws Exception {
        Throttle throttle = new Throttle(Duration.ofMinutes(1), Duration.ofMinutes(10), health);
        throttle.throttled(new Attempt.Throttled(null, "429"));
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                throttle.awaitClearance();
            }
            catch (Throwable e) {
                ended.set(e);
            }
        });
        worker.start();

        worker.interrupt();
        worker.join(10_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(ended.get()).isInstanceOf(RunStop.RunStoppedException.class);
    }
}
