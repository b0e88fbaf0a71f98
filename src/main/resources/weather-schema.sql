-- The validated, de-duplicated zipcodes of each job instance: written by the stage step,
-- read by the fetch step. Rows of a completed instance are deleted when it completes.
CREATE TABLE IF NOT EXISTS WEATHER_STAGED_ZIPCODE (
    JOB_INSTANCE_ID BIGINT NOT NULL,
    LINE_NO BIGINT NOT NULL,
    ZIP CHAR(5) NOT NULL,
    PRIMARY KEY (JOB_INSTANCE_ID, LINE_NO),
    UNIQUE (JOB_INSTANCE_ID, ZIP)
);
