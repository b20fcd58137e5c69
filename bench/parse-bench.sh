#!/usr/bin/env bash
# Benchmark: whole-process `vigie parse --format jsonl` of the 20,000-report corpus, JVM start
# included, as a user runs it (over the previous run's output). One untimed run first (it builds
# the jar and trains the start-up cache if needed), then RUNS timed ones; prints each and the
# median. The target (issue 2) is 50x parsedmarc's ~3,000 records/s: <= 1.27 s for 191,088 records.
#   bench/parse-bench.sh [CORPUS=/tmp/corpus] [RUNS=10]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-/tmp/corpus}"
runs="${2:-10}"
[ -d "$corpus/reports" ] || python3 "$here/../shared/bench/gen_reports.py" "$corpus" -n 20000 --seed 1
out="$(mktemp -d)/out.jsonl"
trap 'rm -rf "$(dirname "$out")"' EXIT
"$here/vigie" parse --format jsonl --out "$out" "$corpus/reports" 2>/dev/null
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$here/vigie" parse --format jsonl --out "$out" "$corpus/reports" 2>/dev/null
  times+=("$(( ($(date +%s%N) - start) / 1000000 ))")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
records=$(wc -l < "$out")
echo "runs (ms): $(echo $sorted)"
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
echo "median: ${median} ms for $records reports"
