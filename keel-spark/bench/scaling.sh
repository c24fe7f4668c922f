#!/usr/bin/env bash
# Scaling benchmark of the Spark cycle against the single-machine cycle (a script, not a timed test).
#   keel-spark/bench/scaling.sh [PERIOD] [SIZES...]           e.g. keel-spark/bench/scaling.sh day 10000 100000
#   keel-spark/bench/scaling.sh --duckdb [PERIOD] [SIZES...]  e.g. keel-spark/bench/scaling.sh --duckdb day 1000000
# Default: generates two years of daily sales per series (half smooth, half intermittent), ingests them through
# the contracts into a fresh Keel home, then runs the same cycle on one machine (2 threads) and on Spark local[2].
# --duckdb: generates the same kind of data with DuckDB SQL straight into Parquet files laid out by series (no
# contract ingest: hours at 1M series), runs the single machine's computation one file of series at a time
# (nothing stored) and the Spark cycle on the same files (GeneratedScalingBenchmark). KEEL_BENCH_ENGINES=spark
# runs only Spark. Prints wall time, CPU time, series per second and peak heap per engine.
# Heap: KEEL_BENCH_HEAP (default 6g). Run it niced on a shared machine: nice -n 10 keel-spark/bench/scaling.sh ...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
main=keel.spark.SparkScalingBenchmark
if [ "${1:-}" = --duckdb ]; then main=keel.spark.GeneratedScalingBenchmark; shift; fi
period="${1:-day}"; shift || true
sizes=("${@:-10000 100000}")
cd "$here"
mvn -q -B -ntp -DskipTests -Pspark -pl keel-spark -am package >&2
export SPARK_LOCAL_IP=127.0.0.1
# shellcheck disable=SC2046,SC2068
exec /usr/bin/time -v java -Xmx"${KEEL_BENCH_HEAP:-6g}" $(cat keel-spark/jvm-options) \
  -Dkeel.bench.engines="${KEEL_BENCH_ENGINES:-single,spark}" \
  -cp "keel-spark/target/test-classes:keel-spark/target/keel-spark.jar:$(cat keel-spark/target/spark-classpath.txt)" \
  "$main" "$period" ${sizes[@]}
