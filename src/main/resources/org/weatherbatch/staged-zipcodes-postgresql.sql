-- A run's staged zipcodes (StagedZipcodeDao), a table per job instance (@@instance@@: its id)
-- so that a finished run's rows go with one DROP, leaving no dead rows for VACUUM.
CREATE TABLE IF NOT EXISTS WEATHER_STAGED_ZIPCODE_@@instance@@ (
    LINE_NO BIGINT PRIMARY KEY,
    ZIP CHAR(5) NOT NULL
);
