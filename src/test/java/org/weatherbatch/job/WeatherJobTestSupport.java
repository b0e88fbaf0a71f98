package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.weatherbatch.WeatherBatchApplication;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the whole application, as the command line does, against a WireMock stub of the
 * OpenWeatherMap API on a free loopback port, with its job repository and outputs in a
 * temporary folder.
 */
abstract class WeatherJobTestSupport {

    static final String API_KEY = "k3y-that-must-never-leak-0123456789";

    static final String DATE = "2026-11-27";

    static final String WEATHER_PATH = "/data/2.5/weather";

    static final JsonMapper JSON = new JsonMapper();

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new PlanRateLimit()))
            .build();

    static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private final List<Process> children = new ArrayList<>();

    Path input;

    @BeforeEach
    void answerEveryZipcode() throws IOException {
        input = work.resolve("zipcodes.csv");
        PlanRateLimit.enforce(0);
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(10)
                .willReturn(okJson(weatherBody("Testville"))));
    }

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    /** Runs the application as its main method does, without leaving the JVM. */
    int run(String... options) {
        return WeatherBatchApplication.run(args(options));
    }

    /** Most tests fail zipcodes on purpose: a poor night's exit code (see NightsTest) would hide theirs. */
    boolean judgeNights;

    /** The options of a test run; each given option replaces its default; commands follow them. */
    String[] args(String... options) {
        Map<String, String> args = new LinkedHashMap<>();
        Stream.of(judgeNights ? Stream.<String>empty() : Stream.of("--weather.max-failure-ratio=1"), Stream.of(
                "--weather.input=" + input,
                "--weather.output-dir=" + work.resolve("output"),
                "--weather.date=" + DATE,
                "--weather.api.base-url=" + api.baseUrl(),
                "--weather.api.key=" + API_KEY,
                "--weather.api.requests-per-minute=0",
                "--weather.api.retry-backoff=1ms",
                "--weather.concurrency=4",
                "--weather.api.throttle-pause=100ms",
                "--weather.state-dir=" + work.resolve("state")),
                Stream.of(options)).flatMap(Function.identity())
                .forEach(option -> args.put(option.contains("=") ? option.substring(0, option.indexOf('=')) : option,
                        option));
        return args.values().toArray(String[]::new);
    }

    /** The night of DATE fails on a refused key, its one zipcode unfetched; the API answers again afterwards. */
    void failTheNightOnARefusedKey() throws IOException {
        writeInput("02134");
        stubZip("02134", invalidKey());
        assertThat(run()).isEqualTo(ExitCodes.FAILED);
        api.resetAll();
        answerEveryZipcode();
    }

    void writeInput(String... lines) throws IOException {
        Files.writeString(input, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    static void stubZip(String zip, ResponseDefinitionBuilder response) {
        api.stubFor(forZip(zip).atPriority(1).willReturn(response));
    }

    static MappingBuilder forZip(String zip) {
        return get(urlPathEqualTo(WEATHER_PATH)).withQueryParam("zip", equalTo(zip + ",us"));
    }

    static int requestsFor(String zip) {
        return api.findAll(getRequestedFor(urlPathEqualTo(WEATHER_PATH))
                .withQueryParam("zip", equalTo(zip + ",us"))).size();
    }

    static int requests() {
        return api.findAll(getRequestedFor(urlPathEqualTo(WEATHER_PATH))).size();
    }

    static String weatherBody(String city) {
        return """
                {"coord":{"lon":-71.13,"lat":42.35},
                 "weather":[{"id":803,"main":"Clouds","description":"broken clouds","icon":"04d"}],
                 "base":"stations",
                 "main":{"temp":58.21,"feels_like":56.37,"temp_min":55.04,"temp_max":60.89,"pressure":1018,"humidity":62},
                 "visibility":10000,"wind":{"speed":9.22,"deg":240},"clouds":{"all":75},
                 "dt":1700000000,"sys":{"country":"US","sunrise":1699961000,"sunset":1699997000},
                 "timezone":-18000,"id":0,"name":"%s","cod":200}
                """.formatted(city);
    }

    static ResponseDefinitionBuilder notFound() {
        return WireMock.aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"cod\":\"404\",\"message\":\"city not found\"}");
    }

    static ResponseDefinitionBuilder invalidKey() {
        return WireMock.aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"cod\":401, \"message\": \"Invalid API key. Please see "
                        + "https://openweathermap.org/faq#error401 for more info.\"}");
    }

    Path output(String suffix) {
        return work.resolve("output").resolve("zipcodes-" + DATE + suffix);
    }

    List<JsonNode> jsonLines() throws IOException {
        return Files.readAllLines(output(".jsonl")).stream().map(JSON::readTree).toList();
    }

    List<String> jsonZips() throws IOException {
        return jsonLines().stream().map(line -> line.path("zip").asString()).toList();
    }

    List<String> lines(String suffix) throws IOException {
        return Files.readAllLines(output(suffix));
    }

    /** Answers a zipcode's requests with these responses in turn, the last one from then on. */
    static void answerInTurn(String zip, ResponseDefinitionBuilder... responses) {
        answerInTurn(() -> forZip(zip), responses);
    }

    /** Answers all requests, whatever their zipcode, with these responses in turn. */
    static void answerAnyInTurn(ResponseDefinitionBuilder... responses) {
        answerInTurn(() -> get(urlPathEqualTo(WEATHER_PATH)), responses);
    }

    /** Answers the matching requests with these responses in turn, the last one from then on. */
    static void answerInTurn(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
        String scenario = "answers " + UUID.randomUUID();
        for (int i = 0; i < responses.length; i++) {
            api.stubFor(request.get().atPriority(1).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? STARTED : "answer " + i)
                    .willSetStateTo("answer " + Math.min(i + 1, responses.length - 1))
                    .willReturn(responses[i]));
        }
    }

    /** The application in a JVM of its own, on the test classpath, as `java -jar` would run it. */
    Process startChild(String... options) throws IOException {
        return startChild(Path.of(""), options);
    }

    /** The same, launched from that working directory. */
    Process startChild(Path workingDirectory, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WeatherBatchApplication.class.getName()));
        command.addAll(List.of(args(options)));
        Process child = new ProcessBuilder(command).directory(workingDirectory.toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("child-" + children.size() + ".log").toFile()).start();
        children.add(child);
        return child;
    }

    /** The staging tables left in the job repository (a run's table goes when the run completes). */
    List<String> stagingTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("state/job-repository"),
                "sa", ""); ResultSet rows = db.createStatement().executeQuery("SELECT TABLE_NAME FROM "
                        + "INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'WEATHER_STAGED_ZIPCODE%'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Lines of JSON written so far: the night's file once merged, else its partitions' part files. */
    int jsonLineCount() {
        try {
            return committedLines(".jsonl").size();
        }
        catch (IOException | UncheckedIOException e) {
            return 0; // a part file that is being written or removed
        }
    }

    /** The zipcodes the run's commits have written so far, in order, while the run is not done. */
    List<String> committedJsonZips() throws IOException {
        return committedLines(".jsonl").stream().map(line -> JSON.readTree(line).path("zip").asString()).toList();
    }

    /**
     * The lines of an output the run's commits have written so far: the night's file once
     * merged, else its part files (the stage step's, then the partitions' in order; no header).
     */
    List<String> committedLines(String suffix) throws IOException {
        if (Files.exists(output(suffix))) {
            return Files.readAllLines(output(suffix));
        }
        List<String> lines = new ArrayList<>();
        for (Path part : parts(suffix)) {
            lines.addAll(Files.readAllLines(part));
        }
        return lines;
    }

    /** The run's part files of an output, the stage step's first, then the partitions' in order. */
    List<Path> parts(String suffix) throws IOException {
        Path folder = work.resolve("output");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches(
                    "zipcodes-" + DATE + "\\.run\\d+\\.(stage|part\\d+)" + Pattern.quote(suffix)))
                    .sorted(Comparator.comparing((Path file) -> !file.toString().contains(".stage"))
                            .thenComparing(Path::toString))
                    .toList();
        }
    }

    /** A file's text so far; empty while it does not exist. */
    static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            return "";
        }
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(giveUp);
            Thread.sleep(20);
        }
    }
}
