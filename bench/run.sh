#!/usr/bin/env bash
# The performance benchmark (README, "Performance"): builds the job, lets the launcher
# (bin/weather-batch) record its class-data archive (and records a Java 25 AOT cache when there is
# a Java 25), then runs the job through the launcher against a local stub of the API in each
# target's scenario, beside a plain-Java baseline, and prints one table. Takes about six minutes.
# Usage: [BENCH_ONLY=1,3a] bench/run.sh [work folder]
# (BENCH_ONLY: only the scenarios of those numbers, the part of their names before the colon)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(realpath -m "${1:-target/bench}")
mvn -q -B -DskipTests package
# the launcher's first launch extracts the jar and records the archive, as after any build
rm -rf target/app && bin/weather-batch --version
# the training run of the Java 25 row: the launcher's, with that java's option that records its cache
train() { # java and its option that records the cache
    rm -rf "$work/training"
    "$1" "$2" -Dspring.aot.enabled=true -jar target/app/weather-batch.jar \
        --weather.input=input/zipcodes.csv --weather.state-dir="$work/training" --weather.output-dir="$work/training" \
        --weather.api.base-url=http://127.0.0.1:9 --weather.api.key=training --weather.api.failure-threshold=1 \
        >/dev/null 2>&1 || true
}
# one more row when a Java 25 is at hand (JAVA25_HOME): its AOT cache instead of CDS
java25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
extra=()
if [ -x "$java25" ]; then
    train "$java25" -XX:AOTCacheOutput=target/app/weather-batch.aot
    extra=("$java25" target/app/weather-batch.aot target/app/weather-batch.jar)
fi
# the stub answers from this JVM: all of HotSpot's compilers (it is warmed up first), Nagle off,
# and room for every idle keep-alive connection (by default it resets those beyond 200)
exec java -Dsun.net.httpserver.nodelay=true -Dsun.net.httpserver.maxIdleConnections=1024 -Dbench.only="${BENCH_ONLY:-}" \
    -cp "target/test-classes:target/app/lib/*" \
    org.weatherbatch.bench.Benchmark bin/weather-batch target/weather-batch.jar "$work" "${extra[@]}"
