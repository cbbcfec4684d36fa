#!/bin/bash
# Installs the peer tools the benchmark compares bibmark with. Idempotent: safe to run again.
#   apt: bibtool, biber (Debian bookworm: bibtool 2.68, biber 2.18)
#   npm: bibtex-tidy, pinned, into tests/bench/node/ (ignored by git)
# Needs root for apt (the project's machines run as root); skips apt when the tools are already there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BIBTEX_TIDY_VERSION=1.14.0

need_apt=()
command -v bibtool >/dev/null 2>&1 || need_apt+=(bibtool)
command -v biber >/dev/null 2>&1 || need_apt+=(biber)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: ${need_apt[*]} missing and not root: run 'sudo apt-get install ${need_apt[*]}'" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

tidy="$here/node/node_modules/.bin/bibtex-tidy"
have=""
if [ -f "$here/node/node_modules/bibtex-tidy/package.json" ]; then
  have=$(node -p "require('$here/node/node_modules/bibtex-tidy/package.json').version")
fi
if [ "$have" != "$BIBTEX_TIDY_VERSION" ]; then
  command -v npm >/dev/null 2>&1 || { echo "install.sh: npm is needed for bibtex-tidy" >&2; exit 1; }
  mkdir -p "$here/node"
  [ -f "$here/node/package.json" ] || echo '{"name":"bibmark-bench-peers","private":true}' > "$here/node/package.json"
  (cd "$here/node" && npm install --no-audit --no-fund --silent --save-exact "bibtex-tidy@$BIBTEX_TIDY_VERSION" >/dev/null)
fi

echo "bibtool: $(bibtool -V 2>&1 | sed -n 's/.*Vers\. *\([0-9.]*\).*/\1/p' | head -n 1) ($(command -v bibtool))"
echo "biber: $(biber --version 2>/dev/null | head -1)"
echo "bibtex-tidy: $(node -p "require('$here/node/node_modules/bibtex-tidy/package.json').version") ($tidy)"
