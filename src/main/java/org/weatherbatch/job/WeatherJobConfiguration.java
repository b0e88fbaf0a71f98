package org.weatherbatch.job;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.CompositeJobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.integration.async.AsyncItemProcessor;
import org.springframework.batch.integration.async.AsyncItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.weatherbatch.config.WeatherProperties;
import org.weatherbatch.fetch.FetchMetrics;
import org.weatherbatch.fetch.ProviderChoice;
import org.weatherbatch.fetch.RunStop;
import org.weatherbatch.fetch.WeatherClient;
import org.weatherbatch.fetch.WeatherProvider;
import org.weatherbatch.fetch.ZipcodeFetcher;
import org.weatherbatch.input.DuplicateZipcodeFilter;
import org.weatherbatch.metrics.MetricsPush;
import org.weatherbatch.metrics.RunMetrics;
import org.weatherbatch.input.StagedZipcode;
import org.weatherbatch.input.StagedZipcodePartitioner;
import org.weatherbatch.input.StagedZipcodeDao;
import org.weatherbatch.input.StagingWriter;
import org.weatherbatch.input.ZipcodeLine;
import org.weatherbatch.input.ZipcodeLineReader;
import org.weatherbatch.input.RetryStagingWriter;
import org.weatherbatch.output.Failure;
import org.weatherbatch.output.FailuresFileReader;
import org.weatherbatch.output.FetchResult;
import org.weatherbatch.output.FetchResultWriter;
import org.weatherbatch.output.OutputFiles;
import org.weatherbatch.output.OutputWriters;
import org.weatherbatch.output.PartMergeTasklet;
import org.weatherbatch.report.RunReportListener;
import org.weatherbatch.summary.FetchTimeEstimate;
import org.weatherbatch.summary.FetchPartitions;
import org.weatherbatch.summary.NightRetries;
import org.weatherbatch.summary.ProgressReport;
import org.weatherbatch.summary.RunSummaryListener;


/**
 * The weather job: a stage step validates and de-duplicates the input file into a staging
 * table; a partitioned fetch step splits the staged zipcodes into ranges of lines, and each
 * partition reads its range, fetches the weather with an AsyncItemProcessor on the shared
 * workers and writes its own part files with an AsyncItemWriter; a merge step puts the parts
 * together into the night's outputs, in input order; a clean-up step drops the staging
 * table. Every step writes only through its chunk transactions, so a failed or stopped run
 * restarts from its last commits (each unfinished partition from its own) with nothing lost
 * or doubled. The retry of a night's failures is the same job but for its stage step.
 */
@Configuration(proxyBeanMethods = false)
public class WeatherJobConfiguration {

    public static final String JOB_NAME = "weatherJob";

    /** The retry of a night's failures: its stage step reads them instead of the input (see NightRetries). */
    public static final String RETRY_JOB_NAME = "retryFailuresJob";

    public static final String STAGE_STEP = "stageZipcodes";

    public static final String FETCH_STEP = "fetchWeather";

    public static final String FETCH_PARTITION_STEP = "fetchWeatherPartition";

    public static final String MERGE_STEP = "mergeOutputs";

    public static final String CLEAN_UP_STEP = "dropStagedZipcodes";

    /**
     * Small partitions, many more than run at once: each slow answer stalls its partition's
     * chunk, and a partition's stalls add up, so the run's end waits for one short partition.
     */
    private static final int CHUNKS_PER_PARTITION = 4;

    /** Staging is local work: large chunks keep the commits (an fsync and an H2 store each) few. */
    private static final int STAGE_CHUNK_SIZE = 10_000;

    private static final String INPUT = "#{jobParameters['input']}";

    private static final String OUTPUTS = "#{jobParameters['" + OutputFiles.PARAMETER + "']}";

    private static final String INSTANCE_ID = "#{jobExecution.jobInstance.instanceId}";

    private static final String STEP_INSTANCE_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";

    @Bean
    Job weatherJob(JobRepository jobRepository, Step stageZipcodes, Step fetchWeather, Step mergeOutputs,
            Step dropStagedZipcodes, CompositeJobExecutionListener runListeners) {
        return new JobBuilder(JOB_NAME, jobRepository).start(stageZipcodes).next(fetchWeather).next(mergeOutputs)
                .next(dropStagedZipcodes).listener(runListeners).build();
    }

    /**
     * The night's job with another stage step: it stages the night's failures worth retrying
     * (its identity: the night and the retry's number), and the merge adds to the night's files.
     */
    @Bean
    Job retryFailuresJob(JobRepository jobRepository, Step stageRetries, Step fetchWeather, Step mergeOutputs,
            Step dropStagedZipcodes, CompositeJobExecutionListener runListeners) {
        return new JobBuilder(RETRY_JOB_NAME, jobRepository).start(stageRetries).next(fetchWeather)
                .next(mergeOutputs).next(dropStagedZipcodes).listener(runListeners).build();
    }

    /** Both jobs' listeners; they end in reverse order: the summary, the report, the metrics, then the log context. */
    @Bean
    CompositeJobExecutionListener runListeners(RunLogContext runLogContext, RunMetrics runMetrics,
            RunReportListener runReportListener, RunSummaryListener runSummaryListener) {
        CompositeJobExecutionListener listeners = new CompositeJobExecutionListener();
        listeners.setListeners(List.of(runLogContext, runMetrics, runReportListener, runSummaryListener));
        return listeners;
    }

    @Bean
    @JobScope
    Step stageZipcodes(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ZipcodeLineReader zipcodeLineReader, DuplicateZipcodeFilter duplicateZipcodeFilter,
            StagingWriter stagingWriter, RunStop runStop) {
        return new StepBuilder(STAGE_STEP, jobRepository)
                .<ZipcodeLine, ZipcodeLine>chunk(STAGE_CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(zipcodeLineReader)
                .processor(duplicateZipcodeFilter)
                .writer(stagingWriter)
                .interruptionPolicy(runStop)
                .build();
    }

    @Bean
    @RunScoped
    ZipcodeLineReader zipcodeLineReader(@Value(INPUT) String input) {
        return new ZipcodeLineReader(Path.of(input));
    }

    @Bean
    @RunScoped
    DuplicateZipcodeFilter duplicateZipcodeFilter(StagedZipcodeDao stagedZipcodes,
            @Value(INSTANCE_ID) long jobInstanceId) {
        return new DuplicateZipcodeFilter(stagedZipcodes, jobInstanceId);
    }

    /** Stages the run's zipcodes; the lines that are not zipcodes go to the stage's failures part. */
    @Bean
    @RunScoped
    StagingWriter stagingWriter(StagedZipcodeDao stagedZipcodes, @Value(OUTPUTS) String outputs,
            @Value(INSTANCE_ID) long jobInstanceId) {
        return new StagingWriter(stagedZipcodes.writer(jobInstanceId),
                OutputWriters.failures(OutputFiles.at(outputs).stagePart(jobInstanceId).failures()));
    }

    /**
     * A retry's stage step, named as the night's: the night's failures file, each failure
     * worth retrying staged by its input line, the others kept for the merge as they were.
     */
    @Bean
    @JobScope
    Step stageRetries(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            @Value(OUTPUTS) String outputs, StagedZipcodeDao stagedZipcodes, @Value(INSTANCE_ID) long jobInstanceId,
            RunStop runStop) {
        return new StepBuilder(STAGE_STEP, jobRepository)
                .<Failure, Failure>chunk(STAGE_CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(new FailuresFileReader(OutputFiles.at(outputs).failures()))
                .writer(new RetryStagingWriter(stagedZipcodes, jobInstanceId,
                        OutputWriters.failures(OutputFiles.at(outputs).stagePart(jobInstanceId).failures())))
                .interruptionPolicy(runStop)
                .build();
    }

    /** The partitioned fetch step: ranges of the staged zipcodes, each a partition of its own. */
    @Bean
    @JobScope
    Step fetchWeather(JobRepository jobRepository, WeatherProperties properties, StagedZipcodeDao stagedZipcodes,
            Step fetchWeatherPartition, ThreadPoolTaskExecutor partitionExecutor,
            FetchTimeEstimate fetchTimeEstimate, ProgressReport progressReport,
            @Value(INSTANCE_ID) long jobInstanceId) {
        return new StepBuilder(FETCH_STEP, jobRepository)
                .partitioner(FETCH_PARTITION_STEP, new StagedZipcodePartitioner(stagedZipcodes, jobInstanceId,
                        properties.chunkSize() * CHUNKS_PER_PARTITION))
                .step(fetchWeatherPartition)
                .gridSize(properties.partitions())
                .taskExecutor(partitionExecutor)
                .listener(fetchTimeEstimate)
                .listener(progressReport)
                .build();
    }

    /** A fetch partition: its range of staged zipcodes, fetched on the shared workers, into its own part files. */
    @Bean
    @RunScoped
    Step fetchWeatherPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WeatherProperties properties, JdbcPagingItemReader<StagedZipcode> stagedZipcodeReader,
            AsyncItemProcessor<StagedZipcode, FetchResult> zipcodeFetches,
            AsyncItemWriter<FetchResult> fetchResultWriter, RunStop runStop) {
        return new StepBuilder(FETCH_PARTITION_STEP, jobRepository)
                .<StagedZipcode, Future<FetchResult>>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(stagedZipcodeReader)
                .processor(zipcodeFetches)
                .writer(fetchResultWriter)
                .interruptionPolicy(runStop)
                .build();
    }

    /** A fetch partition's staged zipcodes: the range of lines its partition was given. */
    @Bean
    @StepScope
    JdbcPagingItemReader<StagedZipcode> stagedZipcodeReader(StagedZipcodeDao stagedZipcodes,
            WeatherProperties properties, @Value(STEP_INSTANCE_ID) long jobInstanceId,
            @Value("#{stepExecutionContext['" + StagedZipcodePartitioner.FIRST_LINE + "']}") long firstLine,
            @Value("#{stepExecutionContext['" + StagedZipcodePartitioner.LAST_LINE + "']}") long lastLine)
            throws Exception {
        return stagedZipcodes.reader(jobInstanceId, firstLine, lastLine, properties.chunkSize());
    }

    /**
     * Fetches on the shared workers. One fetcher for all of a run's partitions (one throttle,
     * one count of failures in a row), made anew for each run, which starts with a healthy
     * view of the API.
     */
    @Bean
    @RunScoped
    AsyncItemProcessor<StagedZipcode, FetchResult> zipcodeFetches(WeatherClient weatherClient,
            WeatherProvider weatherProvider, RunStop runStop, FetchMetrics fetchMetrics, WeatherProperties properties,
            ThreadPoolTaskExecutor fetchExecutor) {
        AsyncItemProcessor<StagedZipcode, FetchResult> fetches = new AsyncItemProcessor<>(
                new ZipcodeFetcher(weatherClient, weatherProvider, runStop, fetchMetrics, properties.api()));
        fetches.setTaskExecutor(fetchExecutor);
        return fetches;
    }

    /** Waits for a chunk's fetches and writes their results to the partition's own part files. */
    @Bean
    @StepScope
    AsyncItemWriter<FetchResult> fetchResultWriter(FetchMetrics fetchMetrics, @Value(OUTPUTS) String outputs,
            @Value(STEP_INSTANCE_ID) long jobInstanceId,
            @Value("#{stepExecutionContext['" + StagedZipcodePartitioner.PART + "']}") int part) {
        OutputFiles files = OutputFiles.at(outputs).part(jobInstanceId, part);
        return new AsyncItemWriter<>(new FetchResultWriter(OutputWriters.jsonLines(files.jsonLines()),
                OutputWriters.csv(files.csv()), OutputWriters.failures(files.failures()), fetchMetrics::committed));
    }

    /** Makes the night's outputs from its parts; a retry adds its parts to them. */
    @Bean
    @JobScope
    Step mergeOutputs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            @Value(OUTPUTS) String outputs, @Value(INSTANCE_ID) long jobInstanceId,
            @Value("#{jobParameters['" + NightRetries.NIGHT + "']}") Long night) {
        return new StepBuilder(MERGE_STEP, jobRepository)
                .tasklet(new PartMergeTasklet(OutputFiles.at(outputs), jobInstanceId, night != null),
                        transactionManager)
                .build();
    }

    /** The staged zipcodes are no longer needed once the night's outputs are in place. */
    @Bean
    @JobScope
    Step dropStagedZipcodes(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StagedZipcodeDao stagedZipcodes, @Value(INSTANCE_ID) long jobInstanceId) {
        return new StepBuilder(CLEAN_UP_STEP, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    stagedZipcodes.drop(jobInstanceId);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /**
     * The workers that fetch, shared by every partition: at most weather.concurrency requests
     * in flight. The queue holds what the partitions' chunks have submitted and not started.
     */
    @Bean
    ThreadPoolTaskExecutor fetchExecutor(WeatherProperties properties, RunLogContext runLogContext) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setTaskDecorator(runLogContext);
        executor.setCorePoolSize(properties.concurrency());
        executor.setMaxPoolSize(properties.concurrency());
        executor.setQueueCapacity(properties.partitions() * properties.chunkSize());
        executor.setThreadNamePrefix("fetch-");
        executor.setDaemon(true);
        return executor;
    }

    /**
     * Runs weather.partitions partitions side by side; the next waiting one starts as soon as
     * one ends, so a partition slowed by slow answers holds back only itself.
     */
    @Bean
    ThreadPoolTaskExecutor partitionExecutor(WeatherProperties properties, RunLogContext runLogContext) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setTaskDecorator(runLogContext);
        executor.setCorePoolSize(properties.partitions());
        executor.setMaxPoolSize(properties.partitions());
        executor.setThreadNamePrefix("partition-");
        executor.setDaemon(true);
        return executor;
    }

    @Bean
    FetchPartitions fetchPartitions(JobRepository jobRepository) {
        return new FetchPartitions(jobRepository, FETCH_PARTITION_STEP);
    }

    @Bean
    ProgressReport progressReport(StagedZipcodeDao stagedZipcodes, FetchMetrics fetchMetrics, FetchPartitions fetchPartitions,
            WeatherProperties properties) {
        return new ProgressReport(stagedZipcodes, fetchMetrics, fetchPartitions, properties.progressInterval(),
                System.console() != null);
    }

    @Bean
    RunStop runStop() {
        return new RunStop();
    }

    @Bean
    FetchTimeEstimate fetchTimeEstimate(StagedZipcodeDao stagedZipcodes, FetchPartitions fetchPartitions,
            ProviderChoice providerChoice) {
        return new FetchTimeEstimate(stagedZipcodes, fetchPartitions, providerChoice);
    }

    @Bean
    NightRetries nightRetries(JobRepository jobRepository, FetchPartitions fetchPartitions) {
        return new NightRetries(jobRepository, RETRY_JOB_NAME, STAGE_STEP, MERGE_STEP, fetchPartitions);
    }

    @Bean
    RunSummaryListener runSummaryListener(WeatherClient weatherClient, NightRetries nightRetries,
            WeatherProperties properties) {
        return new RunSummaryListener(weatherClient, nightRetries, List.of(FETCH_STEP, MERGE_STEP),
                properties.maxFailureRatio());
    }

    @Bean
    RunMetrics runMetrics(JobRepository jobRepository, WeatherClient weatherClient, FetchMetrics fetchMetrics,
            NightRetries nightRetries, MetricsPush metricsPush) {
        UnfinishedNights unfinishedNights = new UnfinishedNights(jobRepository, JOB_NAME);
        return new RunMetrics(weatherClient, fetchMetrics, nightRetries, metricsPush,
                run -> unfinishedNights.before(RunParameters.input(run), RunParameters.date(run)).size());
    }

    @Bean
    RunLogContext runLogContext() {
        return new RunLogContext();
    }

    /** Spring Batch's stack traces of expected failures and its lines of each partition go to DEBUG. */
    @Bean
    SpringBatchLog springBatchLog() {
        return SpringBatchLog.install();
    }

    @Bean
    StagedZipcodeDao stagedZipcodes(DataSource dataSource) {
        return new StagedZipcodeDao(dataSource);
    }

}
