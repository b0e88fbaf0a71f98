-- A run's staged zipcodes (StagedZipcodeDao), a table per job instance (@@instance@@: its id)
-- so that a finished run's rows go with one DROP: H2 deletes rows from a shared table slowly.
CREATE TABLE IF NOT EXISTS WEATHER_STAGED_ZIPCODE_@@instance@@ (
    LINE_NO BIGINT PRIMARY KEY,
    ZIP CHAR(5) NOT NULL
);
