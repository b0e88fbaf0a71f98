package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An output folder that cannot be written fails the run, naming it; the rerun completes once fixed. */
@ExtendWith(OutputCaptureExtension.class)
class OutputStorageTest extends WeatherJobTestSupport {

    @Test
    void anUnwritableOutputFolderFailsTheRunNamingItAndTheRerunCompletesExactlyOnce(CapturedOutput output)
            throws Exception {
        writeInput("02134", "10001", "junk");
        Path outputDir = work.resolve("output");
        Files.writeString(outputDir, "a file where the output folder should be");

        assertThat(run()).isEqualTo(ExitCodes.FAILED);
        assertThat(output).contains("failed: Cannot write " + outputDir.resolve("zipcodes-" + DATE
                + ".run1.stage-failures.csv") + ": " + outputDir + ": a file is in the way of a folder");
        assertThat(requests()).isZero();

        Files.delete(outputDir);
        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactly("02134", "10001");
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail",
                "junk,3,invalid-line,not a zipcode: junk");
    }
}
