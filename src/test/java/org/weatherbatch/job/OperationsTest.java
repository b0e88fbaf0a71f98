package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.weatherbatch.config.Durations;

import tools.jackson.databind.JsonNode;

/** The operator's commands, end to end: history, show, restart by id, abandon, progress. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends WeatherJobTestSupport {

    @Test
    void historyListsRunsAndShowTellsOneWithItsFailures(CapturedOutput output) throws Exception {
        writeInput("02134", "99999", "junk");
        stubZip("99999", notFound());
        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);
        stubZip("10001", invalidKey());
        writeInput("10001");
        assertThat(run("--weather.date=2026-11-28")).isEqualTo(ExitCodes.FAILED);

        assertThat(run("history")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).containsPattern("\\s+2\\s+2026-11-28\\s+FAILED\\s+1\\s+0\\s+0\\s+.*zipcodes.csv")
                .containsPattern("\\s+1\\s+2026-11-27\\s+COMPLETED\\s+3\\s+1\\s+1\\s+.*zipcodes.csv");

        assertThat(run("show", "1")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).contains("Execution 1: " + input.toAbsolutePath() + " for 2026-11-27")
                .contains("fetched:  1, failed: 1 (not-found 1)")
                .contains("99999,2,not-found,HTTP 404: city not found")
                .contains("junk,3,invalid-line,not a zipcode: junk");
        assertThat(run("show", "2")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).contains("status:   FAILED (").contains("The API refused the key (HTTP 401");

        assertThat(run("show", "99")).isEqualTo(ExitCodes.FAILED);
        assertThat(output).contains("No execution 99 in the job repository");
        assertThat(run("show")).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(run("frobnicate")).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(output).contains("Unknown command \"frobnicate\"");
    }

    @Test
    void historyAsJsonForScripts(CapturedOutput output) throws Exception {
        writeInput("02134", "10001");
        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);
        int before = output.getOut().length();

        assertThat(run("history", "--json")).isEqualTo(ExitCodes.COMPLETED);

        String printed = output.getOut().substring(before);
        assertThat(printed.strip()).as("nothing but the JSON on standard output").startsWith("[").endsWith("]");
        JsonNode runs = JSON.readTree(printed);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).path("executionId").asLong()).isEqualTo(1);
        assertThat(runs.get(0).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(runs.get(0).path("fetched").asLong()).isEqualTo(2);
        assertThat(runs.get(0).path("date").asString()).isEqualTo(DATE);
    }

    @Test
    void historyListsUpToTheLimitAllWithZeroAndRefusesAnyOtherLimit(CapturedOutput output) throws Exception {
        writeInput("02134");
        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run("--weather.date=2026-11-28")).isEqualTo(ExitCodes.COMPLETED);
        String newest = "\\s+2\\s+2026-11-28\\s+COMPLETED\\s";
        String oldest = "\\s+1\\s+2026-11-27\\s+COMPLETED\\s";

        assertThat(printed(output, "history", "--limit=1")).containsPattern(newest).doesNotContainPattern(oldest);
        assertThat(printed(output, "history", "--limit=0")).containsPattern(newest).containsPattern(oldest);

        for (String limit : List.of("-3", "abc", "")) {
            assertThat(run("history", "--limit=" + limit)).as(limit).isEqualTo(ExitCodes.NOT_STARTED);
            assertThat(output).contains("--limit=" + limit + " is not a number of runs: give --limit=N with N = 1 "
                    + "or more, or 0 for all runs");
        }
        assertThat(output).doesNotContain("Exception");
    }

    @Test
    void aKilledRunHasOneDurationInHistoryAndShowBeforeAndAfterItsRecovery(CapturedOutput output) throws Exception {
        writeInput(IntStream.range(0, 400).mapToObj(i -> String.format("%05d", 6000 + i)).toArray(String[]::new));
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(5)
                .willReturn(okJson(weatherBody("Slowtown")).withFixedDelay(25)));
        Process child = startChild("--weather.chunk-size=8");
        awaitTrue(() -> jsonLineCount() >= 16, "the run to commit some chunks");
        child.destroyForcibly().waitFor(); // SIGKILL: the execution stays STARTED, with no end

        JsonNode killed = JSON.readTree(printed(output, "history", "--json")).get(0);
        assertThat(killed.path("status").asString()).isEqualTo("STARTED");
        assertThat(killed.path("endTime").isNull()).isTrue();
        String ran = Durations.readable(Duration.between(LocalDateTime.parse(killed.path("startTime").asString()),
                LocalDateTime.parse(killed.path("lastUpdated").asString())));
        Thread.sleep(1_100); // a duration counted to the clock would now show at least a second more
        assertThat(printed(output, "history")).containsPattern("\\s+1\\s+" + DATE + "\\s+STARTED\\s.*\\s"
                + Pattern.quote(ran) + "\\s");
        assertThat(printed(output, "show", "1")).contains("ended: - (" + ran + ")");

        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(2).willReturn(okJson(weatherBody("Fasttown"))));
        assertThat(run("--weather.chunk-size=8")).isEqualTo(ExitCodes.COMPLETED);

        JsonNode recovered = JSON.readTree(printed(output, "show", "1", "--json")).path("run");
        assertThat(recovered.path("status").asString()).isEqualTo("FAILED");
        assertThat(recovered.path("endTime").asString()).as("ended at its last record, not at its recovery")
                .isEqualTo(killed.path("lastUpdated").asString());
        assertThat(printed(output, "show", "1")).contains("(" + ran + ")");
        String latest = JSON.readTree(printed(output, "history", "--json")).get(0).path("executionId").asString();
        assertThat(printed(output, "show", latest)).as("the run's executions")
                .containsPattern("\\s1\\s+FAILED\\s+started [^,]+, " + Pattern.quote(ran) + "\\s");
    }

    /** What a command printed on standard output. */
    private String printed(CapturedOutput output, String... command) {
        int before = output.getOut().length();
        assertThat(run(command)).as(String.join(" ", command)).isEqualTo(ExitCodes.COMPLETED);
        return output.getOut().substring(before);
    }

    @Test
    void aFailedRunIsRestartedByItsExecutionId(CapturedOutput output) throws Exception {
        writeInput("02134", "10001");
        stubZip("10001", invalidKey());
        assertThat(run()).isEqualTo(ExitCodes.FAILED);
        api.resetAll();
        answerEveryZipcode();

        assertThat(run("restart", "1")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Restarting the FAILED run of " + input.toAbsolutePath());
        assertThat(jsonZips()).containsExactlyInAnyOrder("02134", "10001");
        assertThat(printed(output, "history")).as("one run, of two executions")
                .containsPattern("\\s+2\\s+" + DATE + "\\s+COMPLETED\\s+2\\s+2\\s+0\\s+.*\\s2\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\S+\\s+.*zipcodes.csv")
                .doesNotContainPattern("\\s+1\\s+" + DATE + "\\s+FAILED");
        assertThat(printed(output, "show", "2")).contains("executions of this run:")
                .containsPattern("\\s1\\s+FAILED\\s+started .*\\(The API refused the key")
                .containsPattern("\\s2\\s+COMPLETED\\s+started ");
        assertThat(run("restart", "1")).as("not the latest execution any more").isEqualTo(ExitCodes.FAILED);
        assertThat(output).contains("Execution 1 is not the latest of its run: restart execution 2 instead.");
    }

    @Test
    void anAbandonedRunIsNeverRunAgain(CapturedOutput output) throws Exception {
        writeInput("02134");
        stubZip("02134", invalidKey());
        assertThat(run()).isEqualTo(ExitCodes.FAILED);
        assertThat(stagingTables()).hasSize(1);

        String endedBefore = JSON.readTree(printed(output, "show", "1", "--json")).path("run").path("endTime").asString();
        assertThat(run("abandon", "1")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).contains("Abandoned execution 1 of " + input.toAbsolutePath());
        JsonNode abandoned = JSON.readTree(printed(output, "show", "1", "--json")).path("run");
        assertThat(abandoned.path("status").asString()).isEqualTo("ABANDONED");
        assertThat(abandoned.path("failure").asString()).as("why it failed, kept").startsWith("The API refused the key");
        assertThat(abandoned.path("endTime").asString()).as("when it stopped").isEqualTo(endedBefore);
        assertThat(stagingTables()).as("its staged zipcodes went with it").isEmpty();
        int requestsBefore = requests();

        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);
        assertThat(output).contains("Nothing to do: the run of " + input.toAbsolutePath() + " for " + DATE
                + " was abandoned");
        assertThat(requests()).isEqualTo(requestsBefore);
        assertThat(run("abandon", "1")).as("nothing left to abandon").isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void pruneForgetsTheRunsThatEndedBeforeTheLimitWithTheirStagingAndPartsAndOnRequestTheirOutputs(
            CapturedOutput output) throws Exception {
        failTheNightOnARefusedKey();
        assertThat(run("--weather.date=2026-11-28")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(stagingTables()).as("the failed night's").hasSize(1);

        assertThat(run("prune", "--older-than=1h")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(JSON.readTree(printed(output, "history", "--json"))).hasSize(2);

        assertThat(run("prune", "--older-than=0s")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Pruned 2 runs that ended before");
        assertThat(JSON.readTree(printed(output, "history", "--json"))).isEmpty();
        assertThat(stagingTables()).isEmpty();
        Path outputs = work.resolve("output");
        assertThat(outputs.resolve("zipcodes-2026-11-28.jsonl")).exists();
        try (var files = Files.list(outputs)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.contains(".run"));
        }

        assertThat(run("prune", "--older-than=0s", "--outputs")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run("--weather.date=2026-11-29")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(run("prune", "--older-than=0s", "--outputs")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(outputs.resolve("zipcodes-2026-11-29.jsonl")).doesNotExist();
        assertThat(outputs.resolve("zipcodes-2026-11-29-report.html")).doesNotExist();
        assertThat(run("prune", "--older-than=soon")).isEqualTo(ExitCodes.NOT_STARTED);
    }

    @Test
    void longRunsReportTheirProgress(CapturedOutput output) throws Exception {
        writeInput(IntStream.range(0, 60).mapToObj(i -> String.format("%05d", 4000 + i)).toArray(String[]::new));
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(5)
                .willReturn(okJson(weatherBody("Slowtown")).withFixedDelay(50)));

        assertThat(run("--weather.progress-interval=200ms", "--weather.concurrency=2")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).containsPattern("progress: \\d+/60 zipcodes \\(\\d+\\.\\d%\\), \\d+\\.\\d/s, ETA (\\d+ min )?[0-9.]+ (s|ms)");
    }

    @Test
    void theScheduleRunsEachTicksDateAndKeepsGoing(CapturedOutput output) throws Exception {
        writeInput("02134", "10001");
        Process scheduled = startChild("--weather.schedule=*/2 * * * * *", "--weather.schedule-zone=UTC");
        java.nio.file.Path log = work.resolve("child-0.log");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        awaitTrue(() -> readQuietly(log).contains("Nothing to do: the run of " + input.toAbsolutePath() + " for "
                + today), "a second tick to find the run done");
        assertThat(scheduled.isAlive()).as("keeps going").isTrue();
        scheduled.destroy();
        assertThat(scheduled.waitFor(15, TimeUnit.SECONDS)).isTrue();

        assertThat(readQuietly(log)).contains("Scheduled: " + input.toAbsolutePath() + " at \"*/2 * * * * *\" (UTC)");
        assertThat(java.nio.file.Files.readAllLines(work.resolve("output/zipcodes-" + today + ".jsonl"))).hasSize(2);
        assertThat(requests()).isEqualTo(2);
    }

    /** In a JVM of its own: the logging set-up would outlive the run and reformat the other tests' logs. */
    @Test
    void structuredLogsNameTheRunAndGiveTheSummarysFiguresAsFields() throws Exception {
        writeInput("02134", "99999");
        stubZip("99999", notFound());

        // the partitions' own lines are at DEBUG: shown, they tell that the partitions' threads carry the run's fields
        Process child = startChild("--logging.structured.format.console=ecs",
                "--logging.level.org.springframework.batch.core.step.AbstractStep=DEBUG");
        assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(ExitCodes.COMPLETED);

        List<JsonNode> lines = java.nio.file.Files.readAllLines(work.resolve("child-0.log")).stream()
                .filter(line -> line.startsWith("{")).map(JSON::readTree).toList();
        List<JsonNode> ofTheRun = lines.stream().filter(line -> line.path("message").asString()
                .matches("(Executing step|Step: \\[|  ).*")).toList();
        assertThat(ofTheRun).as("a partition's line").anySatisfy(line -> assertThat(line.path("message").asString())
                .startsWith("Executing step: [fetchWeatherPartition:"));
        assertThat(ofTheRun).as("the steps' lines, partitions' threads included, and the summary's").hasSizeGreaterThan(8)
                .allSatisfy(line -> {
                    assertThat(line.path("@timestamp").asString()).isNotEmpty();
                    assertThat(line.path("weather").path("execution_id").asString()).isEqualTo("1");
                    assertThat(line.path("weather").path("input").asString())
                            .isEqualTo(input.toAbsolutePath().toString());
                    assertThat(line.path("weather").path("date").asString()).isEqualTo(DATE);
                });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asString()).startsWith("  fetched: 1, failed: 1");
            assertThat(line.path("weather").path("fetched").asLong()).isEqualTo(1);
            assertThat(line.path("weather").path("failed").asLong()).isEqualTo(1);
            assertThat(line.path("weather").path("failures").path("not-found").asLong()).isEqualTo(1);
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("weather").path("status").asString()).isEqualTo("COMPLETED");
            assertThat(line.path("weather").path("duration_seconds").isNumber()).isTrue();
        });
        assertThat(lines).anySatisfy(line -> assertThat(line.path("weather").path("requests").asLong()).isEqualTo(2));
    }

}
