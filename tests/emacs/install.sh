#!/bin/sh
# Installs what tests/emacs/run.sh needs from Debian: Emacs (28.2 on bookworm), eglot (elpa-eglot 1.9; Emacs 29+
# has it built in) and markdown-mode (elpa-markdown-mode), so the documented markdown-mode mapping is exercised.
# Idempotent: does nothing when `emacs` is on PATH and finds both libraries after activating its packages.
# Needs root (or sudo) and the apt sources; .ci/run calls it before run.sh.
set -eu
probe='(progn (package-activate-all) (princ (if (and (locate-library "eglot") (locate-library "markdown-mode")) "ok" "missing")))'
if command -v emacs >/dev/null 2>&1 && [ "$(emacs --batch --eval "$probe" 2>/dev/null)" = ok ]; then
  emacs --version | head -n 1
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=
elif command -v sudo >/dev/null 2>&1; then
  as_root=sudo
else
  echo "tests/emacs/install.sh: emacs, eglot or markdown-mode is missing and neither root nor sudo is available" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -qq
$as_root apt-get install -y -qq --no-install-recommends emacs-nox elpa-eglot elpa-markdown-mode >/dev/null
emacs --version | head -n 1
