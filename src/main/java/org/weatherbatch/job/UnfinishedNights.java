package org.weatherbatch.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Earlier nights of an input that never finished (failed, stopped, or left by a dead process).
 * Weather fetched now is not that night's weather, so a new night does not finish them: it
 * says so, with the commands that do.
 */
class UnfinishedNights {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedNights.class);

    /** Nights looked back at: a month of nightly runs of a few inputs. */
    private static final int RECENT_RUNS = 200;

    private final JobRepository jobRepository;

    private final String jobName;

    UnfinishedNights(JobRepository jobRepository, String jobName) {
        this.jobRepository = jobRepository;
        this.jobName = jobName;
    }

    /** The latest execution of each earlier night of the input whose latest run is unfinished, oldest first. */
    List<JobExecution> before(Path input, LocalDate date) {
        String inputName = RunParameters.inputName(input);
        return jobRepository.getJobInstances(jobName, 0, RECENT_RUNS).stream()
                .map(jobRepository::getLastJobExecution)
                .filter(Objects::nonNull)
                .filter(last -> inputName.equals(last.getJobParameters().getString(RunParameters.INPUT))
                        && RunParameters.date(last.getJobParameters()).isBefore(date))
                .collect(Collectors.toMap(last -> RunParameters.date(last.getJobParameters()),
                        last -> last, (one, other) -> one.getId() > other.getId() ? one : other))
                .values().stream()
                .filter(UnfinishedNights::unfinished)
                .sorted(Comparator.comparing(last -> RunParameters.date(last.getJobParameters())))
                .toList();
    }

    /** Whether a run's latest execution leaves it to be finished: failed, stopped, or left running. */
    static boolean unfinished(JobExecution latest) {
        return latest.getStatus() != BatchStatus.COMPLETED && latest.getStatus() != BatchStatus.ABANDONED;
    }

    void warnAbout(Path input, LocalDate date) {
        for (JobExecution night : before(input, date)) {
            log.warn("An earlier night of this input is unfinished: {} ({}, execution {}). \"restart {}\" "
                    + "finishes it (with today's weather), \"abandon {}\" gives it up.",
                    RunParameters.name(night.getJobParameters()), night.getStatus(), night.getId(), night.getId(),
                    night.getId());
        }
    }
}
