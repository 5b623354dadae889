#!/usr/bin/env bash
# Streaming-import benchmark: writes a valid social_insurance.csv of about SIZE_GB gigabytes (bench/LargeCsv.java)
# and imports it with the import command, measuring wall time and peak resident memory (/usr/bin/time -v).
#
#   bench/import-large-csv.sh SIZE_GB h2|postgres [WORK_DIR]
#
# postgres: imports into a fresh database sunshine_bench on 127.0.0.1:5432 (user postgres, trust auth).
# The heap is capped at 1 GB on purpose: the claim is that memory does not grow with the file.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:?size in GB}; db=${2:?h2 or postgres}; work=${3:-bench/work}
mkdir -p "$work"
csv="$work/social_insurance.csv"
[ -f "$csv" ] && [ "$(du -BG "$csv" | cut -dG -f1)" -ge "$size" ] || java bench/LargeCsv.java "$csv" "$size"
# a copy of the jar: rebuilding the project while the benchmark runs must not pull it from under the JVM
build=${SUNSHINE_BUILD_DIR:-target}
[ -f "$build/sunshine.jar" ] || mvn -q -B -DskipTests package -Dsunshine.build.dir="$build"
jar="$work/sunshine.jar"
cp "$build/sunshine.jar" "$jar"
rm -rf "$work/data"
args=(import --file "$csv" --sunshine.data-dir="$work/data")
if [ "$db" = postgres ]; then
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS sunshine_bench" -c "CREATE DATABASE sunshine_bench" postgres
  export SUNSHINE_DB_URL=jdbc:postgresql://127.0.0.1:5432/sunshine_bench
  args+=(--spring.profiles.active=postgres)
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "file: $(du -h "$csv" | cut -f1), $(($(wc -l < "$csv") - 1)) rows"
/usr/bin/time -v java -Xmx1g -jar "$jar" "${args[@]}" 2> >(tee "$work/import.err" >&2)
grep -E "Elapsed|Maximum resident" "$work/import.err"
