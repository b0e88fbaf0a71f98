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
