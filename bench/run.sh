#!/usr/bin/env bash
# The performance benchmark (README, "Performance"): builds the job, then runs the packaged
# jar against a local stub of the API in each target's scenario, beside a plain-Java
# baseline, and prints one table. Takes a few minutes. Usage: bench/run.sh [work folder]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package
exec java -Dsun.net.httpserver.nodelay=true -cp target/test-classes \
    org.weatherbatch.bench.Benchmark target/weather-batch.jar "${1:-target/bench}"
