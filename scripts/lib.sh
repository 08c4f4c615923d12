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
