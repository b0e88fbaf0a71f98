package org.weatherbatch.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.core.task.TaskDecorator;

/**
 * The run's identity (input, date, execution id) in the MDC of every log line the run
 * writes, on the threads of its partitions and fetches too: fields of their own in
 * structured logs (--logging.structured.format.console=ecs).
 */
public class RunLogContext implements JobExecutionListener, TaskDecorator {

    public static final String INPUT = "weather.input";

    public static final String DATE = "weather.date";

    public static final String EXECUTION_ID = "weather.execution_id";

    /** Names the run in the log until closed. */
    static Scope of(Path input, LocalDate date) {
        MDC.put(INPUT, input.toAbsolutePath().toString());
        MDC.put(DATE, date.toString());
        return () -> {
            MDC.remove(INPUT);
            MDC.remove(DATE);
        };
    }

    /** A stretch of log lines that name the run. */
    interface Scope extends AutoCloseable {

        @Override
        void close();
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        MDC.put(EXECUTION_ID, String.valueOf(jobExecution.getId()));
    }

    /** Registered first, so its afterJob runs last: the summary's lines still carry the id. */
    @Override
    public void afterJob(JobExecution jobExecution) {
        MDC.remove(EXECUTION_ID);
    }

    /** Hands the submitting thread's context to the task's thread. */
    @Override
    public Runnable decorate(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        if (context == null) {
            return task;
        }
        return () -> {
            MDC.setContextMap(context);
            try {
                task.run();
            }
            finally {
                MDC.clear();
            }
        };
    }
}
