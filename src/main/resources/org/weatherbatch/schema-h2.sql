-- The job's own tables beside Spring Batch's, in the job repository (H2); created when missing.

-- Which input has which output names (OutputNames): the prefix is the key, so two inputs never share one.
CREATE TABLE IF NOT EXISTS WEATHER_OUTPUT_NAME (
    PREFIX VARCHAR(4000) PRIMARY KEY,
    INPUT VARCHAR(4000) NOT NULL
);

-- The lease on each run being run (ShedLock's table, RunLeases), in the database's time.
CREATE TABLE IF NOT EXISTS WEATHER_RUN_LEASE (
    NAME VARCHAR(64) PRIMARY KEY,
    LOCK_UNTIL TIMESTAMP(3) NOT NULL,
    LOCKED_AT TIMESTAMP(3) NOT NULL,
    LOCKED_BY VARCHAR(255) NOT NULL
);
