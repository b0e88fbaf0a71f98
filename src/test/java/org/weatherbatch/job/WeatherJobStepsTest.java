package org.weatherbatch.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.async.AsyncItemWriter;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.batch.test.StepScopeTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import org.weatherbatch.WeatherBatchApplication;
import org.weatherbatch.input.StagedZipcodePartitioner;
import org.weatherbatch.input.StagedZipcodeDao;
import org.weatherbatch.output.Failure;
import org.weatherbatch.output.FailureReason;
import org.weatherbatch.output.FetchResult;
import org.weatherbatch.output.OutcomeTally;
import org.weatherbatch.output.OutputFiles;

/**
 * The job's steps run on their own and together, in one application context, against a
 * WireMock stub: assertions on step executions, their contexts and the files. The end-to-end
 * tests (the other *Test classes here) run the whole process as operators do.
 */
@SpringBatchTest
@SpringBootTest(classes = WeatherBatchApplication.class, properties = {
        "weather.api.key=k3y-for-step-tests-0123456789",
        "weather.api.requests-per-minute=0",
        "weather.api.retry-backoff=1ms",
        "weather.concurrency=4",
        // one partition at a time, so that which partition fails where is certain
        "weather.partitions=1",
        "weather.chunk-size=2" })
class WeatherJobStepsTest {

    private static final String WEATHER_PATH = "/data/2.5/weather";

    private static final LocalDate DATE = LocalDate.of(2026, 11, 27);

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    static Path state;

    @TempDir
    Path work;

    /** The command line would launch a run as the context starts: these tests launch their own. */
    @MockitoBean
    WeatherJobRunner commandLine;

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;

    @Autowired
    JobRepository jobRepository;

    /** The night's job: the retry's is the other job in the context. */
    @Autowired
    Job weatherJob;

    @Autowired
    Step stageZipcodes;

    @Autowired
    Step fetchWeather;

    @Autowired
    StagedZipcodeDao stagedZipcodes;

    @Autowired
    AsyncItemWriter<FetchResult> fetchResultWriter;

    @Autowired
    JdbcClient jdbc;

    private Path input;

    @DynamicPropertySource
    static void stubAndState(DynamicPropertyRegistry registry) {
        registry.add("weather.api.base-url", api::baseUrl);
        registry.add("weather.state-dir", () -> state.toString());
    }

    @BeforeEach
    void answerEveryZipcode() {
        jobs.setJob(weatherJob);
        input = work.resolve("zipcodes.csv");
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).atPriority(10).willReturn(okJson(weather())));
    }

    @AfterEach
    void forgetRuns() {
        jobRepositoryTestUtils.removeJobExecutions();
    }

    @Test
    void theStageStepStagesEachNewZipcodeOnceAndReportsEachBadLineWithItsNumber() throws Exception {
        Files.writeString(input, String.join("\n", "city,zip", "Allston,02134", "", "New York,10001-0001",
                "Nowhere,hello", "Allston again,02134", "# a comment", "Holtsville,00501") + "\n");

        JobExecution run = jobs.startStep(stageZipcodes, parameters(), null);

        StepExecution stage = steps(run).get(WeatherJobConfiguration.STAGE_STEP);
        assertThat(stage.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(stage.getReadCount()).isEqualTo(8);
        assertThat(stage.getWriteCount()).isEqualTo(8);
        assertThat(stage.getRollbackCount()).isZero();
        assertThat(OutcomeTally.read(stage.getExecutionContext()))
                .containsEntry("ZIPCODE", 3L).containsEntry("DUPLICATE", 1L)
                .containsEntry("INVALID", 1L).containsEntry("IGNORED", 3L);
        long instance = run.getJobInstance().getInstanceId();
        assertThat(stagedZips(instance)).containsExactly("02134", "10001", "00501");
        assertThat(Files.readAllLines(outputs().stagePart(instance).failures()))
                .containsExactly("\"Nowhere,hello\",5,invalid-line,not a zipcode: hello");
    }

    @Test
    void eachFetchPartitionReadsItsRangeInChunksAndWritesItsOwnPartsInLineOrder() throws Exception {
        List<String> zips = writeZipcodes(20);

        JobExecution run = jobs.getJobOperator().start(stageAndFetch(), parameters());

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<StepExecution> partitions = partitions(run);
        assertThat(partitions).extracting(StepExecution::getStepName).containsExactly(
                "fetchWeatherPartition:partition0000", "fetchWeatherPartition:partition0001",
                "fetchWeatherPartition:partition0002");
        assertThat(partitions).extracting(StepExecution::getReadCount).containsExactly(7L, 7L, 6L);
        assertThat(partitions).extracting(StepExecution::getWriteCount).containsExactly(7L, 7L, 6L);
        assertThat(partitions).extracting(StepExecution::getCommitCount).containsExactly(4L, 4L, 3L);
        assertThat(partitions).extracting(partition -> OutcomeTally.read(partition.getExecutionContext()))
                .extracting(tally -> tally.get("fetched")).containsExactly(7L, 7L, 6L);
        long instance = run.getJobInstance().getInstanceId();
        for (int part = 0; part < 3; part++) {
            assertThat(zipsIn(outputs().part(instance, part).jsonLines())).isEqualTo(range(zips, part));
        }
    }

    @Test
    void aRestartedFetchRunsOnlyTheUnfinishedPartitionsEachFromItsLastCommit() throws Exception {
        List<String> zips = writeZipcodes(20);
        String rejected = range(zips, 1).get(3); // in the second chunk of the second partition
        api.stubFor(get(urlPathEqualTo(WEATHER_PATH)).withQueryParam("zip", equalTo(rejected + ",us"))
                .atPriority(1).willReturn(aResponse().withStatus(401).withBody("{\"cod\":401}")));
        Job job = stageAndFetch();

        JobExecution failed = jobs.getJobOperator().start(job, parameters());

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        List<StepExecution> firstTime = partitions(failed);
        StepExecution rejecting = firstTime.get(1);
        assertThat(rejecting.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(rejecting.getWriteCount()).isEqualTo(2);
        assertThat(rejecting.getRollbackCount()).isEqualTo(1);
        // partitions run in no set order: one that started after the key was refused wrote nothing
        List<String> committed = new ArrayList<>(range(zips, 1).subList(0, 2));
        List<String> unfinished = new ArrayList<>(List.of(rejecting.getStepName()));
        for (int part : new int[] { 0, 2 }) {
            StepExecution other = firstTime.get(part);
            if (other.getStatus() == BatchStatus.COMPLETED) {
                assertThat(other.getWriteCount()).isEqualTo(range(zips, part).size());
                committed.addAll(range(zips, part));
            }
            else {
                assertThat(other.getWriteCount()).isZero();
                unfinished.add(other.getStepName());
            }
        }

        api.resetAll();
        answerEveryZipcode();
        JobExecution restarted = jobs.getJobOperator().start(job, parameters());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<StepExecution> secondTime = partitions(restarted);
        assertThat(secondTime).extracting(StepExecution::getStepName).containsExactlyInAnyOrderElementsOf(unfinished);
        assertThat(secondTime).filteredOn(step -> step.getStepName().equals(rejecting.getStepName()))
                .singleElement().extracting(StepExecution::getReadCount).isEqualTo(5L);
        assertThat(requestedZips()).doesNotContainAnyElementsOf(committed)
                .hasSize(zips.size() - committed.size()).contains(rejected);
        long instance = restarted.getJobInstance().getInstanceId();
        assertThat(zipsIn(outputs().part(instance, 1).jsonLines())).isEqualTo(range(zips, 1));
    }

    @Test
    void aPartitionsWriterIsMadeForItsStepAndWritesItsOwnPartFiles() throws Exception {
        ExecutionContext range = new ExecutionContext();
        range.putInt(StagedZipcodePartitioner.PART, 3);
        StepExecution partition = MetaDataInstanceFactory.createStepExecution(parameters(), range);
        ExecutionContext context = partition.getExecutionContext();
        Failure notFound = new Failure("99999", 7, FailureReason.NOT_FOUND, "city not found");

        StepScopeTestUtils.doInStepScope(partition, () -> {
            fetchResultWriter.open(context);
            fetchResultWriter.write(Chunk.of(CompletableFuture.completedFuture(notFound)));
            fetchResultWriter.update(context);
            fetchResultWriter.close();
            return null;
        });

        long instance = partition.getJobExecution().getJobInstance().getInstanceId();
        assertThat(Files.readAllLines(outputs().part(instance, 3).failures()))
                .containsExactly("99999,7,not-found,city not found");
        assertThat(OutcomeTally.read(context)).containsExactly(Map.entry("not-found", 1L));
    }

    @Test
    void theMergePutsThePartsTogetherInInputOrderAndTheCleanUpDropsTheStaging() throws Exception {
        Files.writeString(input, "zip\n" + String.join("\n", zipcodes(20)) + "\nnot-a-zip\n");

        JobExecution run = jobs.startJob(parameters());

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(zipsIn(outputs().jsonLines())).isEqualTo(zipcodes(20));
        assertThat(Files.readAllLines(outputs().csv())).hasSize(21).first().asString().startsWith("zip,");
        assertThat(Files.readAllLines(outputs().failures())).hasSize(2).last().asString().startsWith("not-a-zip,22,");
        assertThat(filesIn(work.resolve("output"))).as("the parts are gone").containsExactly("index.html",
                "zipcodes-2026-11-27-failures.csv", "zipcodes-2026-11-27-report.html", "zipcodes-2026-11-27.csv",
                "zipcodes-2026-11-27.jsonl");
        assertThat(steps(run).get(WeatherJobConfiguration.CLEAN_UP_STEP).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(stagingTablesOf(run.getJobInstance().getInstanceId())).isZero();
    }

    @Test
    void aMergeThatFailedHalfwayIsDoneAgainWholeOnRestartWithoutFetchingAgain() throws Exception {
        Files.writeString(input, "zip\n" + String.join("\n", zipcodes(20)) + "\n");
        Path inTheWay = outputs().csv().resolve("a file");
        Files.createDirectories(inTheWay.getParent());
        Files.writeString(inTheWay, "the CSV output cannot be renamed over a folder");

        JobExecution failed = jobs.startJob(parameters());

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(steps(failed).get(WeatherJobConfiguration.MERGE_STEP).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(zipsIn(outputs().jsonLines())).isEqualTo(zipcodes(20)); // merged before the CSV failed
        int requests = api.findAll(getRequestedFor(urlPathEqualTo(WEATHER_PATH))).size();

        Files.delete(inTheWay);
        Files.delete(outputs().csv());
        JobExecution restarted = jobs.startJob(parameters());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactly(WeatherJobConfiguration.MERGE_STEP, WeatherJobConfiguration.CLEAN_UP_STEP);
        assertThat(zipsIn(outputs().jsonLines())).isEqualTo(zipcodes(20));
        assertThat(Files.readAllLines(outputs().csv())).hasSize(21);
        assertThat(filesIn(work.resolve("output"))).noneMatch(name -> name.contains(".run"));
        assertThat(api.findAll(getRequestedFor(urlPathEqualTo(WEATHER_PATH)))).hasSize(requests);
    }

    /**
     * The step scope @SpringBatchTest opens around each test, named so that its listener does
     * not take another method returning a StepExecution for it.
     */
    public StepExecution getStepExecution() {
        return MetaDataInstanceFactory.createStepExecution();
    }

    private JobParameters parameters() {
        return new JobParametersBuilder(RunParameters.identity(input, DATE, 0))
                .addString(OutputFiles.PARAMETER, outputs().prefix(), false)
                .toJobParameters();
    }

    private OutputFiles outputs() {
        return OutputFiles.at(work.resolve("output").resolve("zipcodes-" + DATE).toString());
    }

    /** The job's first two steps: the staging the fetch step needs, and the fetch step itself. */
    private Job stageAndFetch() {
        return new JobBuilder("stageAndFetch", jobRepository).start(stageZipcodes).next(fetchWeather).build();
    }

    private List<String> writeZipcodes(int count) throws IOException {
        List<String> zips = zipcodes(count);
        Files.writeString(input, "zip\n" + String.join("\n", zips) + "\n");
        return zips;
    }

    /**
     * The zipcodes of one of three partitions of 20: ranges are about equal, of at most four
     * chunks of weather.chunk-size.
     */
    private static List<String> range(List<String> zips, int partition) {
        int[] starts = { 0, 7, 14, 20 };
        return zips.subList(starts[partition], starts[partition + 1]);
    }

    private static List<String> zipcodes(int count) {
        return IntStream.range(0, count).mapToObj(i -> "%05d".formatted(10_001 + i * 7)).toList();
    }

    private static Map<String, StepExecution> steps(JobExecution run) {
        return run.getStepExecutions().stream().collect(Collectors.toMap(StepExecution::getStepName, step -> step));
    }

    private static List<StepExecution> partitions(JobExecution run) {
        return run.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(WeatherJobConfiguration.FETCH_PARTITION_STEP + ":"))
                .sorted(Comparator.comparing(StepExecution::getStepName)).toList();
    }

    private List<String> stagedZips(long instance) {
        List<String> zips = new ArrayList<>();
        stagedZipcodes.forEachZip(instance, zips::add);
        return zips;
    }

    private long stagingTablesOf(long instance) {
        return jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?")
                .param("WEATHER_STAGED_ZIPCODE_" + instance).query(Long.class).single();
    }

    private static List<String> requestedZips() {
        return api.findAll(getRequestedFor(urlPathEqualTo(WEATHER_PATH))).stream()
                .map(request -> request.queryParameter("zip").firstValue().replace(",us", "")).toList();
    }

    private static List<String> zipsIn(Path jsonLines) throws IOException {
        return Files.readAllLines(jsonLines, StandardCharsets.UTF_8).stream()
                .map(line -> line.replaceAll(".*\"zip\":\"(\\d{5})\".*", "$1")).toList();
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static String weather() {
        return """
                {"coord":{"lon":-71.13,"lat":42.35},
                 "weather":[{"id":803,"main":"Clouds","description":"broken clouds","icon":"04d"}],
                 "main":{"temp":58.21,"feels_like":56.37,"temp_min":55.04,"temp_max":60.89,"pressure":1018,"humidity":62},
                 "wind":{"speed":9.22,"deg":240},"clouds":{"all":75},
                 "dt":1700000000,"sys":{"country":"US"},"timezone":-18000,"id":0,"name":"Testville","cod":200}
                """;
    }
}
