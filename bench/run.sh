#!/usr/bin/env bash
# The performance benchmark (README, "Performance"): builds the job, extracts the jar and
# records its CDS archive (and a Java 25 AOT cache when there is a Java 25), then runs the job against
# a local stub of the API in each target's scenario, beside a plain-Java baseline, and
# prints one table. Takes about six minutes. Usage: [BENCH_ONLY=1,3a] bench/run.sh [work folder]
# (BENCH_ONLY: only the scenarios of those numbers, the part of their names before the colon)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(realpath -m "${1:-target/bench}")
mvn -q -B -DskipTests package
rm -rf target/app && java -Djarmode=tools -jar target/weather-batch.jar extract --destination target/app >/dev/null
# the training run (README, "The fast launch"): a whole run of the sample input against a closed
# port, so that the archive holds the classes of both steps too; it ends FAILED, as it should
train() { # java and its option that records the archive
    rm -rf "$work/training"
    "$1" "$2" -Dspring.aot.enabled=true -jar target/app/weather-batch.jar \
        --weather.input=input/zipcodes.csv --weather.state-dir="$work/training" --weather.output-dir="$work/training" \
        --weather.api.base-url=http://127.0.0.1:9 --weather.api.key=training --weather.api.failure-threshold=1 \
        >/dev/null 2>&1 || true
}
train java -XX:ArchiveClassesAtExit=target/app/weather-batch.jsa
# one more row when a Java 25 is at hand (JAVA25_HOME): its AOT cache instead of CDS
java25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
extra=()
if [ -x "$java25" ]; then
    train "$java25" -XX:AOTCacheOutput=target/app/weather-batch.aot
    extra=("$java25" target/app/weather-batch.aot)
fi
# the stub answers from this JVM: all of HotSpot's compilers (it is warmed up first), Nagle off,
# and room for every idle keep-alive connection (by default it resets those beyond 200)
exec java -Dsun.net.httpserver.nodelay=true -Dsun.net.httpserver.maxIdleConnections=1024 -Dbench.only="${BENCH_ONLY:-}" \
    -cp "target/test-classes:target/app/lib/*" \
    org.weatherbatch.bench.Benchmark target/app/weather-batch.jar target/app/weather-batch.jsa "$work" "${extra[@]}"
