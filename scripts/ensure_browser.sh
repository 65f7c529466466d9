#!/usr/bin/env bash
# Makes sure the browser tests can run: Debian's chromium (Playwright drives it through
# executable_path; `playwright install` cannot download browsers here) and axe-core, fetched
# from the npm registry at a pinned version into .data/node (kept out of the repository:
# 560 KB of minified third-party code) and checked against its known sha256.
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_VERSION=4.11.1
AXE_SHA256=7dbfabdfc6062936d79c873ddbb5f811a1219fca3928bd8cc9dd81f1e65f4720
AXE_DIR=.data/node/axe-core-$AXE_VERSION
log() { echo "ensure_browser: $*" >&2; }

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing $* with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
  else
    log "missing $*; install it with: sudo apt-get install -y $*"
    exit 1
  fi
}

[ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null 2>&1 || apt_install chromium chromium-driver

if [ ! -f "$AXE_DIR/axe.min.js" ]; then
  command -v npm >/dev/null 2>&1 || apt_install npm
  tmp=$(mktemp -d)
  log "fetching axe-core@$AXE_VERSION from the npm registry"
  (cd "$tmp" && npm pack --silent "axe-core@$AXE_VERSION" >/dev/null 2>&1)
  tar -xzf "$tmp/axe-core-$AXE_VERSION.tgz" -C "$tmp" package/axe.min.js package/LICENSE
  mkdir -p "$AXE_DIR"
  mv "$tmp/package/axe.min.js" "$tmp/package/LICENSE" "$AXE_DIR/"
  rm -rf "$tmp"
fi
echo "$AXE_SHA256  $AXE_DIR/axe.min.js" | sha256sum --check --quiet >&2
echo "export AXE_CORE_JS='$PWD/$AXE_DIR/axe.min.js' CHROMIUM_PATH=/usr/bin/chromium"
