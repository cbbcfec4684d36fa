#!/bin/sh
# The Emacs end-to-end suite: Emacs 28 with eglot 1.9 (tests/emacs/install.sh installs Debian's) drives
# `server/bin/bibmark lsp`, configured as server/README.md's "Emacs (eglot)" section says. Builds nothing: it
# uses target/bibmark.jar, or $BIBMARK_JAR. Prints PASS/FAIL/SKIP per scenario; exits 0 only when nothing failed.
#   BIBMARK_EMACS_TIMEOUT  seconds for the whole Emacs run (default 180); it is killed after that
#   BIBMARK_EMACS_CORPUS_ROOT / BIBMARK_EMACS_CORPUS_FILE  the corpus folder and the list opened in it
#                          (default ../shared/corpus/llms-learning and dev/training/pretrain/mem_manage/offload.md)
#   BIBMARK_EMACS_ONLY     comma-separated scenario names (see suite-scenarios in suite.el)
#   BIBMARK_EMACS_KEEP=1   keep the temp dir (fixtures copy, eglot's events-*.log, Emacs's stderr)
set -u
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
repo=$(CDPATH= cd -- "$here/../.." && pwd)

if ! command -v emacs >/dev/null 2>&1; then
  echo "FAIL emacs not found (run tests/emacs/install.sh)"
  exit 2
fi
BIBMARK_JAR=${BIBMARK_JAR:-$repo/target/bibmark.jar}
if [ ! -f "$BIBMARK_JAR" ]; then
  echo "FAIL $BIBMARK_JAR not found (build it with ./mvnw -B -ntp -DskipTests package, or set BIBMARK_JAR)"
  exit 2
fi
export BIBMARK_JAR

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bibmark-emacs.XXXXXX")
cleanup() {
  if [ "${BIBMARK_EMACS_KEEP:-0}" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A fresh copy per run: the suite edits buffers. The Neovim suite's workspace serves as it is; the Emacs
# fixtures add the files only this suite needs (a .bib for bibtex-mode, a rename target, wide characters).
mkdir "$tmp/ws"
cp -R "$repo/tests/nvim/fixtures/workspace/." "$tmp/ws/"
cp -R "$here/fixtures/workspace/." "$tmp/ws/"
# Emacs's own files (~/.emacs.d, packages a developer installed) stay out: HOME is the temp dir, so only the
# system's packages (Debian's elpa-*) are activated, as in CI.
mkdir -p "$tmp/home"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache"

# The corpus scenario compares Emacs's diagnostics with `bibmark check` on the same folder (run by the suite,
# with the settings Emacs sends).
corpus_root=${BIBMARK_EMACS_CORPUS_ROOT:-$repo/../shared/corpus/llms-learning}
BIBMARK_EMACS_CORPUS_FILE=${BIBMARK_EMACS_CORPUS_FILE:-dev/training/pretrain/mem_manage/offload.md}
BIBMARK_EMACS_CORPUS_ROOT=
if [ -d "$corpus_root" ]; then
  BIBMARK_EMACS_CORPUS_ROOT=$(CDPATH= cd -- "$corpus_root" && pwd -P)
fi
export BIBMARK_EMACS_CORPUS_ROOT BIBMARK_EMACS_CORPUS_FILE
export BIBMARK_EMACS_REPO="$repo" BIBMARK_EMACS_WS="$tmp/ws" BIBMARK_EMACS_TMP="$tmp"

echo "$(emacs --version | head -n 1), $BIBMARK_JAR"
# No -Q: Debian's site-start puts the elpa-* packages on the load path. timeout signals Emacs's process group;
# the servers Emacs started (their own groups) end when their stdin closes with Emacs.
(cd "$tmp" && timeout -k 10 "${BIBMARK_EMACS_TIMEOUT:-180}" \
  emacs --batch -l "$here/suite.el" </dev/null 2>"$tmp/emacs.stderr")
rc=$?
if [ $rc -ne 0 ]; then
  [ $rc -eq 124 ] && echo "FAIL Emacs did not finish within ${BIBMARK_EMACS_TIMEOUT:-180} s"
  if [ -s "$tmp/emacs.stderr" ]; then echo "--- Emacs stderr (tail)"; tail -n 40 "$tmp/emacs.stderr"; fi
  for log in "$tmp"/events-*.log; do
    [ -s "$log" ] && { echo "--- $log (tail)"; tail -n 40 "$log"; }
  done
  exit 1
fi
exit 0
