#!/bin/sh
# Installs Debian's Neovim (0.7.2 on bookworm) for tests/nvim/run.sh. Idempotent: does nothing when
# `nvim` is already on PATH. Needs root (or sudo) and the apt sources; .ci/run calls it before run.sh.
set -eu
if command -v nvim >/dev/null 2>&1; then
  nvim --version | head -n 1
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=
elif command -v sudo >/dev/null 2>&1; then
  as_root=sudo
else
  echo "tests/nvim/install.sh: nvim is missing and neither root nor sudo is available" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -qq
$as_root apt-get install -y -qq --no-install-recommends neovim >/dev/null
nvim --version | head -n 1
