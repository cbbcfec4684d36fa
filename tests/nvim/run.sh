#!/bin/sh
# The Neovim end-to-end suite: Neovim 0.7+ (tests/nvim/install.sh installs Debian's) drives
# `server/bin/bibmark lsp` through its built-in LSP client. Builds nothing: it uses target/bibmark.jar,
# or $BIBMARK_JAR. Prints PASS/FAIL/SKIP per scenario; exits 0 only when nothing failed.
#   BIBMARK_NVIM_TIMEOUT  seconds for the whole Neovim run (default 180); it is killed after that
#   BIBMARK_NVIM_CORPUS_ROOT / BIBMARK_NVIM_CORPUS_FILE  the corpus folder and the list opened in it
#                         (default ../shared/corpus/llms-learning and dev/inference/prompt.md)
#   BIBMARK_NVIM_ONLY     comma-separated scenario names (see SCENARIOS in suite.lua)
#   BIBMARK_NVIM_KEEP=1   keep the temp dir (fixtures copy, Neovim's lsp.log)
set -u
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
repo=$(CDPATH= cd -- "$here/../.." && pwd)

if ! command -v nvim >/dev/null 2>&1; then
  echo "FAIL nvim not found (run tests/nvim/install.sh)"
  exit 2
fi
BIBMARK_JAR=${BIBMARK_JAR:-$repo/target/bibmark.jar}
if [ ! -f "$BIBMARK_JAR" ]; then
  echo "FAIL $BIBMARK_JAR not found (build it with ./mvnw -B -ntp -DskipTests package, or set BIBMARK_JAR)"
  exit 2
fi
export BIBMARK_JAR
launcher=$repo/server/bin/bibmark

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bibmark-nvim.XXXXXX")
cleanup() {
  if [ "${BIBMARK_NVIM_KEEP:-0}" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A fresh copy per run: the suite edits buffers (and a future rename or fix may write files).
cp -R "$here/fixtures/workspace" "$tmp/ws"
# Neovim's own files (lsp.log, shada, swap) stay in the temp dir, whoever runs this.
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state"
mkdir -p "$XDG_CACHE_HOME"

# The corpus scenario compares Neovim's diagnostics with `bibmark check` on the same folder.
corpus_root=${BIBMARK_NVIM_CORPUS_ROOT:-$repo/../shared/corpus/llms-learning}
BIBMARK_NVIM_CORPUS_FILE=${BIBMARK_NVIM_CORPUS_FILE:-dev/inference/prompt.md}
BIBMARK_NVIM_CORPUS_ROOT= BIBMARK_NVIM_CORPUS_JSON=
if [ -d "$corpus_root" ]; then
  BIBMARK_NVIM_CORPUS_ROOT=$(CDPATH= cd -- "$corpus_root" && pwd -P)
  BIBMARK_NVIM_CORPUS_JSON=$tmp/corpus-check.json
  timeout 120 "$launcher" check --format json "$BIBMARK_NVIM_CORPUS_ROOT" > "$BIBMARK_NVIM_CORPUS_JSON"
  rc=$?
  if [ $rc -gt 1 ]; then
    echo "FAIL bibmark check --format json $BIBMARK_NVIM_CORPUS_ROOT exited with $rc"
    exit 1
  fi
fi
export BIBMARK_NVIM_CORPUS_ROOT BIBMARK_NVIM_CORPUS_FILE BIBMARK_NVIM_CORPUS_JSON
export BIBMARK_NVIM_SERVER="$launcher" BIBMARK_NVIM_WS="$tmp/ws"

echo "$(nvim --version | head -n 1), $BIBMARK_JAR"
# timeout signals the whole process group, so the servers Neovim started go too.
(cd "$tmp" && timeout -k 10 "${BIBMARK_NVIM_TIMEOUT:-180}" \
  nvim --headless -u NONE -i NONE -n -c "luafile $here/suite.lua" </dev/null 2>"$tmp/nvim.stderr")
rc=$?
if [ $rc -ne 0 ]; then
  [ $rc -eq 124 ] && echo "FAIL Neovim did not finish within ${BIBMARK_NVIM_TIMEOUT:-180} s"
  if [ -s "$tmp/nvim.stderr" ]; then echo "--- Neovim stderr"; tail -n 40 "$tmp/nvim.stderr"; fi
  if [ -s "$XDG_CACHE_HOME/nvim/lsp.log" ]; then echo "--- $XDG_CACHE_HOME/nvim/lsp.log (tail)"; tail -n 40 "$XDG_CACHE_HOME/nvim/lsp.log"; fi
  exit 1
fi
exit 0
