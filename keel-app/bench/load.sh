#!/usr/bin/env bash
# Load benchmark of the web server (not a test): queue and review endpoints at rising request rates on
# loopback, p50/p99 latency and errors per rate. Usage: keel-app/bench/load.sh [RATES [SECONDS_PER_RATE]]
# e.g. keel-app/bench/load.sh 100,250,500,750 5
# KEEL_LOAD_JAVA_OPTS adds JVM options, e.g. a flight recording:
#   KEEL_LOAD_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/load.jfr,settings=profile' keel-app/bench/load.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
mvn -B -ntp -q -o -pl keel-app -am test-compile -DskipTests >&2
mvn -B -ntp -q -o -pl keel-app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/load-classpath.txt >&2
# Keel's own modules from this checkout, never from ~/.m2.
deps="$(tr ':' '\n' < keel-app/target/load-classpath.txt | grep -v '/dev/keel/' | paste -sd: -)"
cp="keel-app/target/classes:keel-app/target/test-classes:keel-store/target/classes:keel-core/target/classes"
cp="$cp:keel-forecast/target/classes:$deps"
# The JDK's HttpClient completes sendAsync on CompletableFuture's default executor, which on fewer
# than 3 cores starts a thread per task: a common pool of 2 spares the load generator ~1 thread start per request.
exec java -Xmx1g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 ${KEEL_LOAD_JAVA_OPTS:-} -cp "$cp" keel.app.http.LoadBenchmark "${1:-100,250,500,750}" "${2:-5}"
