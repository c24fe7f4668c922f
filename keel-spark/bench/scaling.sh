#!/usr/bin/env bash
# Scaling benchmark of the Spark cycle against the single-machine cycle (a script, not a timed test).
#   keel-spark/bench/scaling.sh [PERIOD] [SIZES...]      e.g. keel-spark/bench/scaling.sh day 10000 100000
# Generates two years of daily sales per series (half smooth, half intermittent), ingests them through the
# contracts into a fresh Keel home, then runs the same cycle on one machine (2 threads) and on Spark local[2].
# Prints wall time, series per second and peak heap per engine. Heap: KEEL_BENCH_HEAP (default 6g).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
period="${1:-day}"; shift || true
sizes=("${@:-10000 100000}")
cd "$here"
mvn -q -B -ntp -DskipTests -Pspark -pl keel-spark -am package >&2
export SPARK_LOCAL_IP=127.0.0.1
# shellcheck disable=SC2046,SC2068
exec /usr/bin/time -v java -Xmx"${KEEL_BENCH_HEAP:-6g}" $(cat keel-spark/jvm-options) \
  -cp "keel-spark/target/test-classes:keel-spark/target/keel-spark.jar:$(cat keel-spark/target/spark-classpath.txt)" \
  keel.spark.SparkScalingBenchmark "$period" ${sizes[@]}
