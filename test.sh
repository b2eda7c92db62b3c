#!/usr/bin/env bash
# Runs every test of the solution and prints "N passed, N failed, N skipped" as its last line.
# Usage: ./test.sh [extra dotnet test arguments]
set -uo pipefail
cd "$(dirname "$0")"
# Each test project writes its own trx into tests/<project>/TestResults (one folder each, so names never collide).
rm -rf tests/*/TestResults

dotnet build MLflow.Tracking.sln -c Release --nologo -v minimal
build_status=$?
if [ $build_status -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

dotnet test MLflow.Tracking.sln -c Release --no-build --nologo \
  --logger "trx" "$@"
test_status=$?

# dotnet test prints no overall summary line: add up the trx counters of every test project.
passed=0; failed=0; skipped=0
for trx in tests/*/TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
if [ $test_status -ne 0 ] && [ $failed -eq 0 ]; then
  # A test host crashed or a project failed before writing results: never report green.
  failed=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ $test_status -eq 0 ] && [ $failed -eq 0 ]
