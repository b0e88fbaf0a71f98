package org.weatherbatch.job;

import java.nio.file.Path;

/** The H2 file of the job repository exists but does not hold a job repository any more. */
class JobRepositoryDamagedException extends RuntimeException {

    private final Path file;

    public JobRepositoryDamagedException(Path file, String damage) {
        super("The job repository " + file.toAbsolutePath() + " is damaged: " + damage);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
