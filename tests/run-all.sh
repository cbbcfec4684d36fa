#!/usr/bin/env bash
# Every test: unit and integration tests (Maven), the VS Code extension's unit tests and package, then the
# black-box suites against the built server (Neovim, Emacs with eglot, VS Code in code-server, the benchmark
# smoke run).
# The suites need their tools installed first (tests/*/install.sh; .ci/run does that).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp verify
echo "=== client-vscode: typecheck, unit tests, package"
(cd client-vscode && npm ci --no-audit --no-fund && npm run typecheck && npm test && npm run package)
echo "=== tests/nvim/run.sh"
tests/nvim/run.sh
echo "=== tests/emacs/run.sh"
tests/emacs/run.sh
echo "=== tests/vscode/run.sh"
tests/vscode/run.sh
if [ -x tests/bench/smoke.sh ]; then
  echo "=== tests/bench/smoke.sh"
  tests/bench/smoke.sh
fi
