package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Fault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The key travels in every request URL; it must show up nowhere else, whatever fails. */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeySecrecyTest extends WeatherJobTestSupport {

    @Test
    void theKeyIsInNoLogOutputOrJobRepositoryRowAfterARunFullOfFaults(CapturedOutput output) throws Exception {
        writeInput("02134", "99999", "10001", "20001", "30303", "40202", "50309", "60601", "80202", "70112");
        stubZip("02134", okJson(weatherBody("Allston, as asked by " + API_KEY)));
        stubZip("99999", notFound());
        stubZip("10001", aResponse().withStatus(500).withBody("{\"cod\":500,\"message\":\"echo " + API_KEY + "\"}"));
        stubZip("20001", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        stubZip("30303", okJson("this is not json " + API_KEY));
        stubZip("40202", aResponse().withFixedDelay(2_000).withBody("{}"));
        stubZip("50309", aResponse().withFault(Fault.EMPTY_RESPONSE));
        stubZip("60601", aResponse().withStatus(400).withBody("{\"cod\":\"400\",\"message\":\"bad " + API_KEY + "\"}"));
        answerInTurn("80202", aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody("{\"cod\":429,\"message\":\"blocked " + API_KEY + "\"}"), okJson(weatherBody("Denver")));
        stubZip("70112", invalidKey().withHeader("X-Cache-Key", "/data/2.5/weather?appid=" + API_KEY));

        int exitCode = run("--weather.concurrency=1", "--weather.partitions=1", "--weather.chunk-size=4",
                "--weather.api.read-timeout=300ms",
                "--logging.level.org.weatherbatch=TRACE", "--logging.level.org.springframework.batch=DEBUG");

        assertThat(exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(output).contains("The API refused the key").contains("not-found").contains("server-error")
                .contains("throttling")
                .contains("timeout").contains("connection-error").contains("bad-response");
        assertThat(output.getAll()).doesNotContain(API_KEY);
        assertThat(filesUnder(work.resolve("output"))).as("the failures so far, masked")
                .anySatisfy(file -> assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("***"));
        for (Path file : filesUnder(work.resolve("output"))) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(API_KEY);
        }
        assertThat(jobRepositoryText()).isNotEmpty().noneMatch(text -> text.contains(API_KEY));
    }

    @Test
    void aKeyThatChangesWhenEncodedIsInNoneOfItsFormsWhenAServerEchoesItDecoded(CapturedOutput output)
            throws Exception {
        String key = "sk-SECRET-a&b=c d";
        writeInput("02134");
        // echoes the request path as servers log it: percent-decoded, '+' left as it is
        stubZip("02134", aResponse().withStatus(401).withBody("{\"cod\":401,\"message\":\"Invalid API key for "
                + "/data/2.5/weather?zip=02134,us&units=imperial&appid=sk-SECRET-a&b=c+d\"}"));

        assertThat(run("--weather.api.key=" + key, "--logging.level.org.weatherbatch=TRACE"))
                .isEqualTo(ExitCodes.FAILED);

        assertThat(api.findAll(getRequestedFor(urlPathEqualTo(WEATHER_PATH)))).singleElement()
                .satisfies(request -> assertThat(request.getUrl()).endsWith("&appid=sk-SECRET-a%26b%3Dc+d"));
        assertThat(output).contains("The API refused the key (HTTP 401: Invalid API key for /data/2.5/weather?"
                + "zip=02134,us&units=imperial&appid=***)");
        List<String> forms = List.of(key, "sk-SECRET-a&b=c+d", "sk-SECRET-a%26b%3Dc+d", "sk-SECRET-a%26b%3Dc%20d",
                "SECRET");
        assertThat(forms).allSatisfy(form -> assertThat(output.getAll()).doesNotContain(form));
        for (Path file : filesUnder(work.resolve("output"))) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(forms).as(file.toString()).allSatisfy(form -> assertThat(text).doesNotContain(form));
        }
        assertThat(jobRepositoryText()).isNotEmpty().noneMatch(text -> forms.stream().anyMatch(text::contains));
    }

    @Test
    void theKeyIsInNoLogOutputOrJobRepositoryRowAfterANightAndARetryOfItsFailures(CapturedOutput output)
            throws Exception {
        writeInput("02134", "10001", "30303", "20001");
        stubZip("10001", aResponse().withStatus(500).withBody("{\"cod\":500,\"message\":\"echo " + API_KEY + "\"}"));
        stubZip("30303", okJson("this is not json " + API_KEY));
        stubZip("20001", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(run()).isEqualTo(ExitCodes.COMPLETED);
        answerInTurn("10001", aResponse().withStatus(503).withBody("{\"message\":\"again " + API_KEY + "\"}"),
                okJson(weatherBody("New York")));

        assertThat(run("retry-failures", "1", "--logging.level.org.weatherbatch=TRACE",
                "--logging.level.org.springframework.batch=DEBUG")).isEqualTo(ExitCodes.COMPLETED);

        assertThat(output).contains("retry-failures 1 of execution 1").contains("server-error");
        assertThat(requestsFor("10001")).as("the night's attempts, then the retry's two").isEqualTo(4 + 2);
        assertThat(output.getAll()).doesNotContain(API_KEY);
        for (Path file : filesUnder(work.resolve("output"))) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(API_KEY);
        }
        assertThat(jobRepositoryText()).isNotEmpty().noneMatch(text -> text.contains(API_KEY));
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** Every value of every row of every table of the job repository, as text. */
    private List<String> jobRepositoryText() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(
                "jdbc:h2:file:" + work.resolve("state/job-repository"), "sa", "")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = db.createStatement().executeQuery(
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = db.createStatement().executeQuery("SELECT * FROM " + table)) {
                    while (rows.next()) {
                        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                            values.add(String.valueOf(rows.getObject(column)));
                        }
                    }
                }
            }
        }
        return values;
    }
}
