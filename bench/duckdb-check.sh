#!/usr/bin/env bash
# The DuckDB side of the check benchmark (issue 3): the 34 rules of rules.md as SQL, one file per rule
# (src/test/resources/duckdb/rules/*.sql, shared terms in terms.sql and macros.sql), run by DuckDB on the same contract
# folder the engine checks, writing clues.csv in the engine's format. sunshine.bench.DuckDbCheck lives in the test
# sources: DuckDB (org.duckdb:duckdb_jdbc) is a test-scoped dependency, never one of the product.
#
#   bench/duckdb-check.sh --data DIR --period 2026-10 [--lookback 12] [--threads N] [--memory-limit 8GB] --out DIR
#                         [--param NAME=VALUE ...] [--rules A01,C01] [--db FILE]
#
# Prints load, terms, rule and write times, DuckDB's sampled peak memory and the process's peak RSS, then
# /usr/bin/time's wall and CPU times and maximum resident set (on a shared machine, the CPU times say more). SUNSHINE_BUILD_DIR (default target) keeps build outputs apart
# when several people build one tree; JAVA_OPTS is passed to the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${SUNSHINE_BUILD_DIR:-$PWD/target}
cp_file="$build/duckdb-classpath.txt"
if [ ! -f "$cp_file" ] || [ ! -d "$build/test-classes/duckdb" ] || [ -n "$(find src pom.xml -newer "$cp_file" -print -quit)" ]; then
  mvn -q -B test-compile -Dsunshine.build.dir="$build"
  mvn -q -B dependency:build-classpath -Dsunshine.build.dir="$build" -Dmdep.includeScope=test \
      -Dmdep.outputFile="$cp_file"
  touch "$cp_file" # unchanged content keeps its old time: the next run would build again
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)," \
     "$(java -version 2>&1 | head -1)"
# shellcheck disable=SC2086
/usr/bin/time -f "wall %e s, user %U s, system %S s, CPU %P, max RSS %M KB" \
    java ${JAVA_OPTS:-} -cp "$build/test-classes:$build/classes:$(cat "$cp_file")" sunshine.bench.DuckDbCheck "$@"
