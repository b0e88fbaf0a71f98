package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A night that fails midway is rerun to completion: every zipcode once, nothing committed fetched again. */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest extends WeatherJobTestSupport {

    /**
     * Four partitions of ten zipcodes: the first three answer at once; the last one's first
     * chunk answers late, then its key is refused, long after the others completed (its chunk
     * holds half the workers, the others have the other half).
     */
    @Test
    void aRestartRunsOnlyThePartitionsThatHadNotCompletedEachFromItsLastCommit(CapturedOutput output)
            throws Exception {
        List<String> zips = IntStream.rangeClosed(1, 40).mapToObj(i -> String.format("%05d", 2000 + i)).toList();
        writeInput(zips.toArray(String[]::new));
        zips.subList(30, 34).forEach(zip -> stubZip(zip, okJson(weatherBody("Late")).withFixedDelay(500)));
        zips.subList(34, 40).forEach(zip -> stubZip(zip, invalidKey().withFixedDelay(500)));
        String[] options = {"--weather.partitions=4", "--weather.chunk-size=4", "--weather.concurrency=8"};

        assertThat(run(options)).isEqualTo(ExitCodes.FAILED);

        assertThat(committedJsonZips()).containsExactlyElementsOf(zips.subList(0, 34));
        api.resetAll();
        answerEveryZipcode();

        assertThat(run(options)).isEqualTo(ExitCodes.COMPLETED);

        assertThat(jsonZips()).containsExactlyElementsOf(zips);
        assertThat(lines(".csv")).hasSize(1 + zips.size()).doesNotHaveDuplicates();
        assertThat(requests()).as("only the last partition's zipcodes past its last commit").isEqualTo(6);
        assertThat(output).contains("fetched: 40, failed: 0");
    }

    private static final List<String> ZIPS = IntStream.rangeClosed(1, 20)
            .mapToObj(i -> String.format("%05d", 1000 + i)).toList();

    /**
     * From the 15th zipcode on the API is down. One partition at a time, two ranges of ten: the
     * first commits, the second commits its first chunk of four, then fails.
     */
    private static final List<String> COMMITTED = ZIPS.subList(0, 14);

    @Test
    void aRunThatFailsMidwayRestartsFromItsLastCommitWithExactlyOnceOutput(CapturedOutput output)
            throws Exception {
        writeInput(ZIPS.toArray(String[]::new));
        ZIPS.subList(14, ZIPS.size()).forEach(zip -> stubZip(zip, aResponse().withStatus(503)));
        String[] options = { "--weather.partitions=1", "--weather.chunk-size=4", "--weather.concurrency=2",
                "--weather.api.max-attempts=2", "--weather.api.failure-threshold=3" };

        assertThat(run(options)).isEqualTo(ExitCodes.FAILED);

        // 3 at least: two workers may both have failed by the time one of them says so
        assertThat(output).containsPattern("The API seems down: [34] requests in a row failed \\(last: HTTP 503");
        assertThat(committedJsonZips()).containsExactlyElementsOf(COMMITTED);
        assertThat(output(".jsonl")).as("the night's outputs appear when it completes").doesNotExist();
        assertThat(output("-failures.csv")).doesNotExist();
        assertThat(stagingTables()).as("kept for the restart").containsExactly("WEATHER_STAGED_ZIPCODE_1");

        api.resetAll();
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).willReturn(okJson(weatherBody("Testville"))));

        assertThat(run(options)).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("Restarting the FAILED run of " + input.toAbsolutePath());
        assertThat(jsonZips()).containsExactlyElementsOf(ZIPS);
        assertThat(lines(".csv")).hasSize(1 + ZIPS.size()).doesNotHaveDuplicates();
        assertThat(lines("-failures.csv")).containsExactly("zip,line,reason,detail");
        COMMITTED.forEach(zip -> assertThat(requestsFor(zip)).as("requests for committed %s", zip).isZero());
        ZIPS.subList(14, ZIPS.size()).forEach(zip -> assertThat(requestsFor(zip)).as(zip).isEqualTo(1));
        assertThat(output).contains("fetched: 20, failed: 0");
        assertThat(stagingTables()).as("dropped once the run completed").isEmpty();
    }
}
