#!/bin/bash
# Installs what tests/vscode/run.sh needs; idempotent (a second run only checks and exits).
#   apt: chromium (the browser), libkrb5-dev (kerberos build), ripgrep (seeds @vscode/ripgrep's cache)
#   npm: code-server 4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) and playwright-core 1.65.1
#        into tests/vscode/node_modules (ignored by git), from package-lock.json.
# code-server's postinstall builds native modules and fetches things from hosts that are unreachable here;
# three workarounds: npm_config_nodedir=/usr (node-gyp headers from the system's Node instead of
# nodejs.org), a pre-filled @vscode/ripgrep download cache (Debian's rg instead of a GitHub release),
# npm_config_yes=true (node-pty's `npx node-gyp` would otherwise abort). As root, code-server's postinstall
# also wants npm_config_unsafe_perm=true. argon2's prebuilt binary is unreachable; it builds from source.
# Needs g++, make, python3 and Node 20 with its headers in /usr/include/node (NodeSource's nodejs has them).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CS_VERSION=4.100.3
PW_VERSION=1.65.1

log() { echo "[install] $*"; }

installed() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/rg ] && dpkg -s libkrb5-dev >/dev/null 2>&1 || return 1
  [ -x "$HERE/node_modules/.bin/code-server" ] || return 1
  [ -f "$HERE/node_modules/code-server/lib/vscode/node_modules/.package-lock.json" ] || return 1
  "$HERE/node_modules/.bin/code-server" --version 2>/dev/null | grep -q "^$CS_VERSION " || return 1
  [ "$(node -p "require('$HERE/node_modules/playwright-core/package.json').version" 2>/dev/null)" = "$PW_VERSION" ] || return 1
}

if installed; then
  log "already installed: code-server $CS_VERSION, playwright-core $PW_VERSION, $(/usr/bin/chromium --version 2>/dev/null)"
  exit 0
fi

missing=()
for p in chromium libkrb5-dev ripgrep; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v g++ >/dev/null && command -v make >/dev/null && command -v python3 >/dev/null || {
  echo "[install] error: code-server's native modules need g++, make and python3" >&2; exit 1; }
[ -f /usr/include/node/node.h ] || { echo "[install] error: /usr/include/node/node.h missing (node-gyp headers)" >&2; exit 1; }

# Workaround (b): @vscode/ripgrep looks in its cache before downloading from api.github.com.
RGC="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
if [ ! -s "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
  tmp=$(mktemp -d); mkdir -p "$RGC"; cp /usr/bin/rg "$tmp/rg"
  tar czf "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$tmp" rg
  rm -rf "$tmp"
fi

cd "$HERE"
start=$(date +%s)
log "npm ci (code-server $CS_VERSION builds native modules; about 2-3 minutes)"
# Workarounds (a) and (c); --foreground-scripts keeps the postinstall's output in the log.
# npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it (npm 11 warns that
# it does not know the option, but the script reads the variable).
npm_config_yes=true npm_config_unsafe_perm=true npm_config_nodedir=/usr \
  npm ci --no-audit --no-fund --foreground-scripts > "$HERE/install.log" 2>&1 || {
  echo "[install] npm ci failed; last lines of $HERE/install.log:" >&2; tail -40 "$HERE/install.log" >&2; exit 1; }
installed || { echo "[install] error: install finished but the check failed; see $HERE/install.log" >&2; exit 1; }
log "done in $(( $(date +%s) - start )) s: $("$HERE/node_modules/.bin/code-server" --version | head -1)"
