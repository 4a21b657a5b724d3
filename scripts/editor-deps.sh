#!/usr/bin/env bash
# Installs what the offline in-editor tests need (GUIDE §4): VS Code 1.100 as code-server 4.100.3 plus
# playwright-core, in the git-ignored cache .vscode-test/code-server, and Debian's Chromium and ripgrep.
# @vscode/test-electron cannot download VS Code on this machine; code-server comes from npm, which it can reach.
# Idempotent: a stamp naming the pinned versions marks a finished install; anything else starts over.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3   # the newest code-server that runs on Node 20 (it bundles VS Code 1.100.3)
PLAYWRIGHT_VERSION=1.65.1
CACHE=.vscode-test/code-server
STAMP="$CACHE/.installed"
WANT="code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION node@$(node -p process.versions.node)"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
# node-gyp compiles code-server's native modules.
command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1 || missing+=(build-essential)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "editor-deps: apt-get install ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "editor-deps: please install ${missing[*]} (e.g. sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ]; then
  exit 0
fi

echo "editor-deps: installing $WANT into $CACHE (about a minute, once)" >&2
start=$(date +%s)
rm -rf "$CACHE"
mkdir -p "$CACHE"
# Build native modules against the headers of the Node that will run them (Debian's: /usr), not a download.
NODEDIR="$(dirname "$(dirname "$(command -v node)")")"
if [ ! -f "$NODEDIR/include/node/node_version.h" ]; then
  echo "editor-deps: no Node headers in $NODEDIR/include/node: install a Node that ships them (Debian's nodejs does)" >&2
  exit 1
fi
export npm_config_nodedir="$NODEDIR" npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
NODE_GYP="$(npm prefix -g)/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"

(
  cd "$CACHE"
  echo '{"private":true}' > package.json
  # --ignore-scripts: code-server's postinstall would fetch VS Code's dependencies and build them its own way.
  npm install --no-save --ignore-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"
  # npm hoists argon2 (password hashing, loaded at start-up even with --auth none) to this folder.
  npm rebuild --loglevel=error argon2

  cd node_modules/code-server/lib/vscode
  npm install --omit=dev --ignore-scripts --loglevel=error
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  # VS Code's server resolves its modules through node_modules.asar.
  ln -sfn node_modules node_modules.asar
  for module in @parcel/watcher @vscode/spdlog node-pty native-watchdog; do
    (cd "node_modules/$module" && node "$NODE_GYP" rebuild --nodedir="$NODEDIR" --loglevel=error >/dev/null)
  done
)

echo "$WANT" > "$STAMP"
echo "editor-deps: done in $(( $(date +%s) - start )) s" >&2
