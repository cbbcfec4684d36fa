#!/usr/bin/env bash
# Every test: unit and integration tests (Maven), then the black-box suites against the built server.
# The suites need their tools installed first (tests/*/install.sh; .ci/run does that).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp verify
for suite in nvim vscode bench; do
  if [ -x "tests/$suite/run.sh" ] && [ "$suite" != bench ]; then
    echo "=== tests/$suite/run.sh"
    "tests/$suite/run.sh"
  fi
done
if [ -x tests/bench/smoke.sh ]; then
  echo "=== tests/bench/smoke.sh"
  tests/bench/smoke.sh
fi
