#!/usr/bin/env bash
# The check run RUNS times in one JVM (sunshine.bench.WarmCheck, test sources), as the server's monthly runs are:
# the first run pays the JVM's start and its compiling of the engine, the later ones show the engine's own cost.
#
#   bench/check-warm.sh RUNS DIR [HEAP]       e.g. bench/check-warm.sh 3 bench/work/p300000
#
# Uses the folders bench/check-vs-duckdb.sh generates; outputs go to bench/work/warm/<folder>/run<i>.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:?how many runs}; data=${2:?a contract folder}; heap=${3:-8g}
build=${SUNSHINE_BUILD_DIR:-$PWD/target}
cp_file="$build/duckdb-classpath.txt"
if [ ! -f "$cp_file" ] || [ ! -f "$build/test-classes/sunshine/bench/WarmCheck.class" ] \
   || [ -n "$(find src pom.xml -newer "$cp_file" -print -quit)" ]; then
  mvn -q -B test-compile -Dsunshine.build.dir="$build"
  mvn -q -B dependency:build-classpath -Dsunshine.build.dir="$build" -Dmdep.includeScope=test \
      -Dmdep.outputFile="$cp_file"
  touch "$cp_file" # unchanged content keeps its old time: the next run would build again
fi
out=bench/work/warm/$(basename "$data")
rm -rf "$out"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
java "-Xmx$heap" -Dfile.encoding=UTF-8 -cp "$build/test-classes:$build/classes:$(cat "$cp_file")" \
    sunshine.bench.WarmCheck "$runs" --data "$data" --period 2026-10 --out "$out"
