-- The job's own tables beside Spring Batch's, in the job repository (PostgreSQL); created when missing.

-- Which input has which output names (OutputNameDao): the prefix is the key, so two inputs never share one.
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

-- The rate limits' bucket of each provider and API key, shared by the hosts (Bucket4j's table, SharedBucket):
-- named by the provider and the key's SHA-256, never by the key.
CREATE TABLE IF NOT EXISTS WEATHER_RATE_LIMIT (
    ID VARCHAR(128) PRIMARY KEY,
    STATE BYTEA
);

-- The night's report's samples of each execution, a row per busy second (SampleStore).
CREATE TABLE IF NOT EXISTS WEATHER_RUN_SAMPLE (
    JOB_EXECUTION_ID BIGINT NOT NULL,
    SAMPLED_AT BIGINT NOT NULL,
    REQUESTS INT NOT NULL,
    FETCHED INT NOT NULL,
    FAILED INT NOT NULL,
    THROTTLED INT NOT NULL,
    RETRIES INT NOT NULL,
    P50_MS DOUBLE PRECISION,
    P90_MS DOUBLE PRECISION,
    P99_MS DOUBLE PRECISION,
    PRIMARY KEY (JOB_EXECUTION_ID, SAMPLED_AT)
);
