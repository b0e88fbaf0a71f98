package org.weatherbatch.job;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells what to do with a damaged job repository, in place of H2's stack trace. */
public class JobRepositoryDamagedFailureAnalyzer extends AbstractFailureAnalyzer<JobRepositoryDamagedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, JobRepositoryDamagedException cause) {
        String file = cause.file().toAbsolutePath().toString();
        return new FailureAnalysis(cause.getMessage() + ". Nothing was run: with this file, completed "
                + "runs would be done again from scratch and their history lost.",
                "Restore " + file + " from a backup; or, to start afresh without the history, move it aside "
                        + "(e.g. mv " + file + " " + file + ".damaged) and launch again.",
                cause);
    }
}
