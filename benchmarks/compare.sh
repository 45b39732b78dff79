#!/usr/bin/env bash
# Runs DataJoint-Python (../shared/peer) and the .NET benchmarks on the same servers, tables and rows in one run and
# prints one Markdown table (docs/performance.md): ours/raw driver and DataJoint-Python's time / ours, per backend.
#
#   bash benchmarks/compare.sh            # quiet machine
#   bash benchmarks/compare.sh --loaded   # with one CPU-bound background process per core for the whole run
#
# Servers: scripts/db-servers.sh (started if needed). Python repetitions: DJ_BENCH_REPETITIONS (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."

loaded=false
[ "${1:-}" = "--loaded" ] && loaded=true
repetitions="${DJ_BENCH_REPETITIONS:-5}"
python="${DJ_PYTHON:-../shared/peer/python}"
out="benchmarks/results/$(date +%Y%m%d-%H%M%S)$($loaded && echo -loaded || true)"
mkdir -p "$out"

bash scripts/db-servers.sh start >/dev/null
eval "$(bash scripts/db-servers.sh env)"

burners=()
stop_burners() { [ ${#burners[@]} -eq 0 ] || kill "${burners[@]}" 2>/dev/null || true; }
trap stop_burners EXIT
if $loaded; then
  for _ in $(seq "$(nproc)"); do ( while :; do :; done ) & burners+=($!); done
  echo "[compare] $(nproc) CPU-bound background processes running" >&2
fi

load() { echo "$1: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min load average; $(nproc) cores)" | tee -a "$out/load.txt" >&2; }
load "start"
for backend in mysql postgresql; do
  if [ "$backend" = mysql ]; then port=$DJ_TEST_MYSQL_PORT user=$DJ_TEST_MYSQL_USER pass=$DJ_TEST_MYSQL_PASSWORD host=$DJ_TEST_MYSQL_HOST
  else port=$DJ_TEST_POSTGRES_PORT user=$DJ_TEST_POSTGRES_USER pass=$DJ_TEST_POSTGRES_PASSWORD host=$DJ_TEST_POSTGRES_HOST; fi
  echo "[compare] DataJoint-Python on $backend ($repetitions repetitions)" >&2
  DJ_HOST=$host DJ_PORT=$port DJ_USER=$user DJ_PASS=$pass DJ_BACKEND=$backend \
    "$python" benchmarks/python/bench.py "$repetitions" "$out/python-$backend.json"
done

echo "[compare] BenchmarkDotNet" >&2
# Built first under the shared build lock when there is one (BenchmarkDotNet then builds its one runner project).
lock=/work/briefs/build.lock
if [ -e "$lock" ]; then flock "$lock" dotnet build -c Release benchmarks/DataJoint.Benchmarks >"$out/build.log"
else dotnet build -c Release benchmarks/DataJoint.Benchmarks >"$out/build.log"; fi
dotnet run -c Release --no-build --project benchmarks/DataJoint.Benchmarks -- \
  --filter '*InsertBenchmarks*' '*FetchBenchmarks*' '*QueryBenchmarks*' '*PopulateBenchmarks*' '*DeleteBenchmarks*' \
  --buildTimeout 900 --exporters json --artifacts "$out/bdn" >"$out/bdn.log"

load "end"
python3 benchmarks/python/table.py "$out/bdn/results" "$out/python-mysql.json" "$out/python-postgresql.json" | tee "$out/table.md"
