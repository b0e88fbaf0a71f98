package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RunLockTest extends WeatherJobTestSupport {

    @Test
    void aRunIsLockedByOneHolderAtATime(@TempDir Path locks) throws Exception {
        try (RunLock held = RunLock.tryAcquire(locks, "a.csv for 2026-11-27")) {
            assertThat(held).isNotNull();
            assertThat(RunLock.tryAcquire(locks, "a.csv for 2026-11-27")).isNull();
            assertThat(RunLock.holder(locks, "a.csv for 2026-11-27")).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
            try (RunLock other = RunLock.tryAcquire(locks, "a.csv for 2026-11-28")) {
                assertThat(other).as("another run").isNotNull();
            }
        }
        try (RunLock again = RunLock.tryAcquire(locks, "a.csv for 2026-11-27")) {
            assertThat(again).as("free once released").isNotNull();
        }
    }

    @Test
    void aRunWhoseLockIsHeldIsNotStartedTwice(CapturedOutput output) throws Exception {
        writeInput("02134");
        String run = input.toAbsolutePath().normalize() + " for " + DATE;
        try (RunLock held = RunLock.tryAcquire(work.resolve("state/locks"), run)) {
            assertThat(run()).isEqualTo(ExitCodes.ALREADY_RUNNING);
        }
        assertThat(output).contains("already running in process " + ProcessHandle.current().pid());
        assertThat(requests()).isZero();
    }
}
