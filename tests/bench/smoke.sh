#!/bin/bash
# CI check that the benchmark harness still runs: tiny sizes, no timing assertions. Fails when a part of
# the harness breaks, when bibmark (CLI or server) misses a planted defect, or when the server writes to
# stdout outside LSP messages. Peers (tests/bench/install.sh) are run when installed and skipped otherwise.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
if [ ! -f "$repo/target/bibmark.jar" ]; then
  (cd "$repo" && ./mvnw -B -ntp -q -DskipTests package)
fi
exec python3 "$here/run.py" --sizes 200 --runs 1 --workspace 20x10 --keystrokes 4 --ws-keystrokes 4 --requests 5 --init-runs 1 --strict "$@"
