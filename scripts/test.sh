#!/usr/bin/env bash
# Runs the whole test suite: starts local MariaDB and PostgreSQL (scripts/db-servers.sh) and an S3 server
# (scripts/s3-server.sh), installs Graphviz if missing (scripts/graphviz.sh), builds the solution once, runs every test project, and prints one line
# `N passed, N failed, N skipped`.
# Extra arguments go to `dotnet test` (e.g. --filter "TestCategory!=Integration").
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/db-servers.sh start
eval "$(bash scripts/db-servers.sh env)"
# The diagram tests render SVG and PNG through Graphviz's dot.
bash scripts/graphviz.sh ensure
# The object-store tests need an S3-compatible server (s3rver, installed from npm).
bash scripts/s3-server.sh start
eval "$(bash scripts/s3-server.sh env)"

# The interop tests run DataJoint-Python itself: the shared peer beside the repository (or DJ_PYTHON).
if [ -z "${DJ_PYTHON:-}" ] && [ -f ../shared/peer/setup.sh ]; then
  bash ../shared/peer/setup.sh
fi

results="TestResults/run-$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$results"

dotnet build DataJoint.sln -c Release -nologo -v quiet
status=0
dotnet test DataJoint.sln -c Release --no-build -nologo --results-directory "$results" --logger "trx" --logger "console;verbosity=minimal" "$@" || status=$?

# Sum the counters of every TRX file (one per test project).
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  # Ignored tests are neither executed nor counted as notExecuted by the TRX logger: skipped = total - executed.
  skipped=$((skipped + $(value total) - $(value executed)))
done

if [ "$files" -eq 0 ]; then
  echo "No test results were written (build or runner failure)." >&2
  failed=$((failed + 1))
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
