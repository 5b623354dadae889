#!/usr/bin/env bash
# Check benchmark (issue 3): the engine (`sunshine check`) against DuckDB running the same 34 rules as SQL
# (bench/duckdb-check.sh), on the same generated province-style folders, in the same run.
#
#   bench/check-vs-duckdb.sh [COVERED ...]          default: 300000 1000000 3000000
#
# For each size: generates bench/work/p<COVERED>/ once (seed 1, `generate --scale province --covered N`; reused
# afterwards; bench/work is git-ignored), counts the input rows (every contract file, header excluded), runs the
# engine with -Xmx8g (HEAP, default 8g) and GC logging, then DuckDB with its defaults (2 threads here), each under
# /usr/bin/time -v, and checks that both found the same clues (rule, subject and amounts; the explanation and
# evidence texts differ by design). While each side runs, /proc/loadavg and the CPU used by other processes are
# sampled every 2 s: other agents share this machine.
#
# Results: one line per run in bench/work/results.tsv, logs in bench/work/logs/. Peak heap is the largest heap
# occupancy G1 reported (before a collection: what the JVM really had to hold, garbage included) and the largest
# after one (live data).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/bench/work
logs=$work/logs
mkdir -p "$logs"
build=${SUNSHINE_BUILD_DIR:-$root/target}
export SUNSHINE_BUILD_DIR=$build
heap=${HEAP:-8g}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(300000 1000000 3000000)

# a copy of the jar: rebuilding the tree while the benchmark runs must not pull it from under the JVM
if [ ! -f "$build/sunshine.jar" ] || [ -n "$(find pom.xml src/main -newer "$build/sunshine.jar" -print -quit)" ]; then
  mvn -q -B -DskipTests package -Dsunshine.build.dir="$build"
fi
cp_file="$build/duckdb-classpath.txt"
if [ ! -f "$cp_file" ] || [ ! -d "$build/test-classes/duckdb" ] || [ -n "$(find src pom.xml -newer "$cp_file" -print -quit)" ]; then
  mvn -q -B test-compile -Dsunshine.build.dir="$build"
  mvn -q -B dependency:build-classpath -Dsunshine.build.dir="$build" -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
  touch "$cp_file" # unchanged content keeps its old time: the next run would build again
fi
jar=$work/sunshine-bench.jar
cp "$build/sunshine.jar" "$jar"
rev=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo "+changes")

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
     "$(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(. /etc/os-release; echo "$PRETTY_NAME")"

# samples load and other processes' CPU while $1 (a pid) lives; prints "load avg/max, others' CPU avg%"
sample() {
  local pid=$1 out=$2
  : > "$out"
  local prev_total prev_self
  while kill -0 "$pid" 2>/dev/null; do
    # total busy jiffies of the machine and of the measured process tree
    local busy self
    busy=$(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat)
    self=0
    for p in $(pgrep -g "$(ps -o pgid= "$pid" | tr -d ' ')" 2>/dev/null || echo "$pid"); do
      self=$((self + $(awk '{print $14+$15}' /proc/"$p"/stat 2>/dev/null || echo 0)))
    done
    if [ -n "${prev_total:-}" ]; then
      echo "$(cut -d' ' -f1 /proc/loadavg) $((busy - prev_total)) $((self - prev_self))" >> "$out"
    fi
    prev_total=$busy; prev_self=$self
    sleep 2
  done
}
summarise_load() {
  awk -v hz="$(getconf CLK_TCK)" '{l+=$1; if($1>m)m=$1; o+=($2-$3); n++}
       END{ if(n==0){print "n/a"; exit} printf "load %.2f avg / %.2f max, other processes %.0f%% CPU avg", l/n, m, 100*o/n/hz/2 }' "$1"
}
run_timed() { # name log cmd...
  local name=$1 log=$2; shift 2
  set -m
  /usr/bin/time -v "$@" > "$log" 2> "$log.time" &
  local pid=$!
  set +m
  sample "$pid" "$log.load" &
  local sampler=$!
  wait "$pid" || { echo "$name failed, see $log and $log.time" >&2; tail -20 "$log" "$log.time" >&2; return 1; }
  wait "$sampler" 2>/dev/null || true
}
wall() { awk -F': ' '/Elapsed \(wall/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident/{printf "%.0f", $2/1024}' "$1"; }
cpu_s() { awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.1f", u+s}' "$1"; }

[ -f "$work/results.tsv" ] || printf "date\trev\tcovered\tinput_rows\tside\twall_s\tcpu_s\tmax_rss_mb\theap_peak_mb\theap_live_mb\tload\tclues\tsame\n" > "$work/results.tsv"

for n in "${sizes[@]}"; do
  data=$work/p$n
  if [ ! -f "$data/.complete" ]; then
    rm -rf "$data"
    echo "generating $n covered persons into $data"
    java -Xmx12g -jar "$jar" generate --scale province --seed 1 --covered "$n" --out "$data" > "$logs/generate-$n.log" 2>&1
    touch "$data/.complete"
  fi
  rows=0
  for f in "$data"/*.csv; do
    case $(basename "$f") in ground_truth.csv|decoys.csv) continue ;; esac
    rows=$((rows + $(wc -l < "$f") - 1))
  done
  biggest=$(for f in payments bank_receipts social_insurance; do echo -n "$f $(($(wc -l < "$data/$f.csv") - 1)); "; done)
  echo "== $n covered persons: $rows input rows ($biggest$(du -sh "$data" | cut -f1) on disk)"

  out=$work/out-engine-$n; rm -rf "$out"
  run_timed engine "$logs/engine-$n.log" java "-Xmx$heap" -Xlog:gc:file="$logs/engine-$n.gc" -Dfile.encoding=UTF-8 \
      -jar "$jar" check --data "$data" --period 2026-10 --out "$out"
  peak=$(grep -o '[0-9]*M->[0-9]*M' "$logs/engine-$n.gc" | awk -F'M->' '{b=$1+0; a=$2+0; if(b>m)m=b; if(a>l)l=a} END{print m+0, l+0}')
  e_wall=$(wall "$logs/engine-$n.log.time")
  echo "engine: wall ${e_wall}s, CPU $(cpu_s "$logs/engine-$n.log.time")s, max RSS $(rss_mb "$logs/engine-$n.log.time") MB," \
       "heap peak/live ${peak// //} MB; $(grep -E '^读取 load' "$logs/engine-$n.log"); $(summarise_load "$logs/engine-$n.log.load")"

  dout=$work/out-duckdb-$n; rm -rf "$dout"
  run_timed duckdb "$logs/duckdb-$n.log" java "-Xmx2g" -cp "$build/test-classes:$build/classes:$(cat "$cp_file")" \
      sunshine.bench.DuckDbCheck --data "$data" --period 2026-10 --out "$dout" || true
  d_wall=$(wall "$logs/duckdb-$n.log.time")
  echo "duckdb: wall ${d_wall}s, CPU $(cpu_s "$logs/duckdb-$n.log.time")s, max RSS $(rss_mb "$logs/duckdb-$n.log.time") MB;" \
       "$(grep -E '^startup' "$logs/duckdb-$n.log"); $(summarise_load "$logs/duckdb-$n.log.load")"

  same=$(python3 - "$out/clues.csv" "$dout/clues.csv" <<'EOF'
import csv, sys
def key(path):
    with open(path, newline='', encoding='utf-8') as f:
        return sorted(tuple(r[:13]) for r in csv.reader(f))
a, b = key(sys.argv[1]), key(sys.argv[2])
print("yes" if a == b else "NO (%d vs %d rows)" % (len(a), len(b)))
EOF
)
  clues=$(($(wc -l < "$out/clues.csv") - 1))
  echo "same clues (rule, subject, amounts): $same ($clues clues); engine/duckdb wall ratio $(awk -v a="$e_wall" -v b="$d_wall" 'BEGIN{printf "%.2f", a/b}')," \
       "engine $(awk -v a="$e_wall" -v r="$rows" 'BEGIN{printf "%.2f", a/(r/1e6)}') s per million input rows," \
       "duckdb $(awk -v a="$d_wall" -v r="$rows" 'BEGIN{printf "%.2f", a/(r/1e6)}')"
  d=$(date -u +%FT%TZ)
  printf "%s\t%s\t%s\t%s\tengine\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$d" "$rev" "$n" "$rows" "$e_wall" \
      "$(cpu_s "$logs/engine-$n.log.time")" "$(rss_mb "$logs/engine-$n.log.time")" "${peak% *}" "${peak#* }" \
      "$(summarise_load "$logs/engine-$n.log.load")" "$clues" "$same" >> "$work/results.tsv"
  printf "%s\t%s\t%s\t%s\tduckdb\t%s\t%s\t%s\t\t\t%s\t%s\t%s\n" "$d" "$rev" "$n" "$rows" "$d_wall" \
      "$(cpu_s "$logs/duckdb-$n.log.time")" "$(rss_mb "$logs/duckdb-$n.log.time")" \
      "$(summarise_load "$logs/duckdb-$n.log.load")" "$(($(wc -l < "$dout/clues.csv") - 1))" "$same" >> "$work/results.tsv"
done
