#!/bin/sh
# Installs Debian's Neovim, the second LSP client of the language server's tests
# (packages/language-server/test/neovim). Idempotent: does nothing when `nvim` already runs.
# Needs root (CI runners: run it with sudo).
set -eu
if command -v nvim >/dev/null 2>&1 && nvim --version >/dev/null 2>&1; then
    nvim --version | head -n 1
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends neovim
nvim --version | head -n 1
