package org.weatherbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.weatherbatch.report.ReportFiles;

import tools.jackson.databind.JsonNode;

/** Every run ends with its night's report and the output folder's index; the report command redraws a past one. */
@ExtendWith(OutputCaptureExtension.class)
class NightReportTest extends WeatherJobTestSupport {

    @Test
    void aCompletedRunWritesItsReport(CapturedOutput output) throws Exception {
        writeInput("zip", "02134", "10002", "00501", "10001", "junk", "90210");
        stubZip("10002", notFound());

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);

        Path report = output("-report.html");
        assertThat(output).contains("report: " + report);
        JsonNode page = ReportFiles.data(report);
        JsonNode verdict = page.path("verdict");
        assertThat(verdict.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(verdict.path("date").asString()).isEqualTo(DATE);
        assertThat(verdict.path("provider").asString()).isEqualTo("openweathermap");
        assertThat(verdict.path("fetched").asLong()).isEqualTo(4);
        assertThat(verdict.path("failed").asLong()).isEqualTo(1);
        assertThat(verdict.path("next").isNull()).as("a zipcode not found is not worth fetching again").isTrue();
        JsonNode map = page.path("map");
        assertThat(map.path("zips").asString()).as("the fetched zipcodes with coordinates, in input order")
                .isEqualTo("021341000190210");
        assertThat(map.path("cities").asString()).isEqualTo("Testville|Testville|Testville");
        assertThat(map.path("classes").asString()).as("58.21 °F is in the 50 to 60 class").isEqualTo("fff");
        assertThat(map.path("failedZips").asString()).isEqualTo("10002");
        assertThat(map.path("reasons").findValuesAsString("code")).containsExactly("invalid-line", "not-found");
        assertThat(map.path("unplaced").asInt()).as("00501 has no coordinates; junk is no zipcode").isEqualTo(2);
        assertThat(page.path("failures").valueStream().map(reason -> reason.path("reason").asString()))
                .containsExactly("invalid-line", "not-found");
        JsonNode timeline = page.path("timeline");
        double requests = 0;
        for (JsonNode perSecond : timeline.path("requestsPerSecond")) {
            requests += perSecond.asDouble() * timeline.path("bucketSeconds").asInt();
        }
        assertThat(requests).as("every request answered, sampled").isEqualTo(requests());
        assertThat(page.path("nights")).hasSize(1);
        assertThat(ReportFiles.data(work.resolve("output/index.html")).path("reports").findValuesAsString("file"))
                .containsExactly(report.getFileName().toString());
    }

    @Test
    void aFailedRunWritesItsReportToo() throws Exception {
        writeInput("02134");
        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);
        stubZip("10001", invalidKey());
        writeInput("10001");

        assertThat(run("--weather.date=2026-11-28")).isEqualTo(ExitCodes.FAILED);

        JsonNode verdict = ReportFiles.data(work.resolve("output/zipcodes-2026-11-28-report.html")).path("verdict");
        assertThat(verdict.path("status").asString()).isEqualTo("FAILED");
        assertThat(verdict.path("failure").asString()).contains("The API refused the key");
        assertThat(verdict.path("next").asString()).endsWith("restart 2");
        assertThat(ReportFiles.data(work.resolve("output/index.html")).path("reports").findValuesAsString("date"))
                .as("newest night first").containsExactly("2026-11-28", DATE);
    }

    @Test
    void theReportCommandRedrawsAPastNight(CapturedOutput output) throws Exception {
        writeInput("02134", "99999");
        stubZip("99999", notFound());
        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);
        Path report = output("-report.html");
        JsonNode written = ReportFiles.data(report);
        Files.delete(report);

        assertThat(run("report", "1")).isEqualTo(ExitCodes.COMPLETED);

        JsonNode redrawn = ReportFiles.data(report);
        assertThat(redrawn.path("verdict")).isEqualTo(written.path("verdict"));
        assertThat(redrawn.path("map")).isEqualTo(written.path("map"));
        assertThat(redrawn.path("timeline")).as("from the samples kept with the run")
                .isEqualTo(written.path("timeline"));
        assertThat(run("report", "7")).isEqualTo(ExitCodes.FAILED);
        assertThat(output).contains("No execution 7 in the job repository");
    }
}
