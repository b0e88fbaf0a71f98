package org.weatherbatch.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.weatherbatch.config.WeatherProperties.Units;
import org.weatherbatch.history.RunHistory;
import org.weatherbatch.history.RunRecord;
import org.weatherbatch.location.ZipcodeCoordinates;
import org.weatherbatch.output.OutputFiles;
import org.weatherbatch.output.PartMergeTasklet;
import org.weatherbatch.summary.NightRetries;

/**
 * Writes a night's report, {@code <outputs>-report.html} beside its outputs, and the output
 * folder's {@code index.html} of every report in it: at the end of each execution, from the
 * execution as it ended, and by the {@code report <id>} command for any past one.
 */
public class NightReports {

    private static final Logger log = LoggerFactory.getLogger(NightReports.class);

    static final String PROVIDER = "report.provider";

    static final String UNITS = "report.units";

    static final int NIGHTS_SHOWN = 30;

    private static final int INSTANCES_PER_QUERY = 100;

    private final JobRepository jobRepository;

    private final RunHistory history;

    private final SampleStore samples;

    private final Supplier<ZipcodeCoordinates> coordinates;

    private final PageTemplate pages;

    private final String jobName;

    private final String mergeStep;

    public NightReports(JobRepository jobRepository, RunHistory history, SampleStore samples,
            Supplier<ZipcodeCoordinates> coordinates, PageTemplate pages, String jobName, String mergeStep) {
        this.jobRepository = jobRepository;
        this.history = history;
        this.samples = samples;
        this.coordinates = coordinates;
        this.pages = pages;
        this.jobName = jobName;
        this.mergeStep = mergeStep;
    }

    /** The command: writes the report of a past execution; 1 when there is none. */
    public int write(long executionId) {
        JobExecution execution = RunHistory.find(jobRepository, executionId)
                .filter(found -> found.getJobInstance().getJobName().equals(jobName)
                        || NightRetries.nightOf(found).isPresent())
                .orElse(null);
        if (execution == null) {
            log.error("No execution {} in the job repository (see the history command).", executionId);
            return 1;
        }
        log.info("Report of execution {}: {}", executionId, write(execution));
        return 0;
    }

    /**
     * Writes the execution's report and the index of its folder; the execution may be one that
     * just ended. A retry of a night's failures writes its night's, whose files it merged into.
     */
    public Path write(JobExecution ended) {
        JobExecution execution = NightRetries.nightOf(ended).map(jobRepository::getJobExecution).orElse(ended);
        RunRecord run = history.record(execution);
        OutputFiles outputs = OutputFiles.at(run.outputs());
        ExecutionContext context = execution.getExecutionContext();
        Units units = unitsOf(execution);
        StepExecution merge = jobRepository.getLastStepExecution(execution.getJobInstance(), mergeStep);
        NightRows rows = NightRows.read(outputs, execution.getJobInstance().getInstanceId(),
                merge != null && PartMergeTasklet.merged(merge.getExecutionContext()));
        List<JobExecution> latest = latestExecutions(execution);
        ReportPage page = new ReportPage(LocalDateTime.now(),
                Verdict.of(run, context.getString(PROVIDER, "unknown"), units.queryValue()),
                ZipcodeMap.of(rows, coordinates.get(), TemperatureScale.of(units)), timeline(execution),
                FailureList.of(rows.failures()), nights(run, latest));
        Path file = reportFile(run.outputs());
        pages.write("report.html", page, file);
        Path folder = file.toAbsolutePath().getParent();
        List<RunRecord> reported = latest.stream()
                .filter(one -> folder.equals(reportFile(outputsOf(one)).toAbsolutePath().getParent())
                        && Files.exists(reportFile(outputsOf(one))))
                .map(history::record)
                .toList();
        pages.write("index.html", ReportIndex.of(reported), folder.resolve("index.html"));
        return file;
    }

    /** The units the execution fetched in: a run's outputs hold one unit. */
    public static Units unitsOf(JobExecution execution) {
        return Units.valueOf(execution.getExecutionContext().getString(UNITS, Units.IMPERIAL.name()));
    }

    private static String outputsOf(JobExecution execution) {
        return execution.getJobParameters().getString(OutputFiles.PARAMETER);
    }

    static Path reportFile(String outputs) {
        return OutputFiles.at(outputs).report();
    }

    /** The executions of the run up to this one, side by side on one time axis. */
    private Timeline timeline(JobExecution execution) {
        List<Timeline.Span> spans = new ArrayList<>();
        List<Sample> all = new ArrayList<>();
        for (JobExecution earlier : jobRepository.getJobExecutions(execution.getJobInstance())) {
            JobExecution one = earlier.getId() == execution.getId() ? execution : earlier;
            if (one.getId() > execution.getId() || one.getStartTime() == null) {
                continue;
            }
            List<Sample> its = samples.load(one.getId());
            long end = one.getEndTime() != null ? epochMillis(one.getEndTime())
                    : its.isEmpty() ? epochMillis(Objects.requireNonNullElse(RunHistory.lastUpdated(one),
                            one.getStartTime())) : its.get(its.size() - 1).at();
            spans.add(new Timeline.Span(epochMillis(one.getStartTime()), end));
            all.addAll(its);
        }
        all.sort((a, b) -> Long.compare(a.at(), b.at()));
        return Timeline.of(spans, all);
    }

    /** The latest nights of the same input, newest first, this one as it ended. */
    private List<Night> nights(RunRecord run, List<JobExecution> latest) {
        Map<LocalDate, Night> byDate = new LinkedHashMap<>();
        latest.stream()
                .filter(execution -> run.input().equals(execution.getJobParameters().getString("input")))
                .forEach(execution -> byDate.putIfAbsent(execution.getJobParameters().getLocalDate("date"),
                        execution.getId() == run.executionId() ? Night.of(run)
                                : history.execution(execution.getId()).map(Night::of).orElse(null)));
        return byDate.values().stream()
                .filter(Objects::nonNull)
                .sorted((a, b) -> b.date().compareTo(a.date()))
                .limit(NIGHTS_SHOWN)
                .toList();
    }

    /** The last execution of every run, newest run first; the given one as it is in memory. */
    private List<JobExecution> latestExecutions(JobExecution current) {
        List<JobExecution> latest = new ArrayList<>();
        for (int start = 0;; start += INSTANCES_PER_QUERY) {
            List<JobInstance> instances = jobRepository.getJobInstances(jobName, start, INSTANCES_PER_QUERY);
            for (JobInstance instance : instances) {
                JobExecution last = jobRepository.getLastJobExecution(instance);
                if (last != null) {
                    latest.add(last.getId() == current.getId() ? current : last);
                }
            }
            if (instances.size() < INSTANCES_PER_QUERY) {
                return latest;
            }
        }
    }

    private static long epochMillis(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }
}
