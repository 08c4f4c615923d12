# Shared by scripts/test.sh and scripts/demo.sh: make sure the pinned pnpm is on PATH and the
# workspace is installed. Only Node 20+ and npm are assumed.
set -eu

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")

ensure_pnpm() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
    return 0
  fi
  echo "› installing pnpm@$PNPM_VERSION with npm (corepack cannot verify signatures on every registry)"
  if ! npm install --global --silent "pnpm@$PNPM_VERSION" >/dev/null 2>&1; then
    # No permission for a global install: keep a private copy under node_modules/.cache instead.
    npm install --silent --no-save --prefix "$PWD/node_modules/.cache/pnpm" "pnpm@$PNPM_VERSION" >/dev/null
    PATH="$PWD/node_modules/.cache/pnpm/node_modules/.bin:$PATH"
    export PATH
  fi
  hash -r 2>/dev/null || true
}

ensure_install() {
  ensure_pnpm
  echo "› pnpm install"
  pnpm install --frozen-lockfile --prefer-offline --reporter=silent
}

# Installs a Debian package when its command is missing and we are root on Debian/Ubuntu;
# otherwise says exactly what to install. Used for redis-server (store tests) and chromium (e2e).
APT_UPDATED=""
ensure_system_command() { # command package
  if command -v "$1" >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "› installing $2 (apt-get)"
    if [ -z "$APT_UPDATED" ]; then apt-get update -qq >/dev/null; APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    return 0
  fi
  echo "✗ '$1' is needed by the tests: install the '$2' package (e.g. apt-get install $2, brew install $2)" >&2
  return 1
}

# A browser for the e2e suite: CHROMIUM_PATH, else a system Chromium, else Playwright's own
# download (which works where its host is reachable), else Debian's package when we are root.
ensure_browser() {
  if [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ]; then return 0; fi
  echo "› no system Chromium: trying Playwright's own download"
  if (cd e2e && timeout 300 pnpm exec playwright install chromium >/dev/null 2>&1); then return 0; fi
  ensure_system_command chromium chromium
}
