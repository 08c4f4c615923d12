#!/bin/sh
# The whole test suite, from a fresh clone: `npm test` (README). CI's .ci/run calls exactly this.
set -eu
cd "$(dirname "$0")/.."
. ./scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1 CI="${CI:-1}"

ensure_install
ensure_system_command redis-server redis-server
ensure_browser
echo "› lint (biome)"
pnpm lint
echo "› type-check (tsc per project)"
pnpm typecheck
echo "› build"
pnpm build
echo "› packages as published (pnpm pack, publint, attw)"
# The tarballs stay for the browser tests: e2e/tests/fresh-next-app.spec.ts installs them into a fresh app.
CREDITKIT_PACKS_DIR="$(mktemp -d)"
export CREDITKIT_PACKS_DIR
trap 'rm -rf "$CREDITKIT_PACKS_DIR"' EXIT
pnpm check:packages
echo "› unit and integration tests (vitest)"
pnpm test:unit
echo "› browser tests (playwright, real Chromium; includes the README's Next.js steps in a fresh create-next-app app)"
pnpm --filter @creditkit/e2e test
echo "› benchmark smoke pass (short; the real numbers come from pnpm bench)"
pnpm bench:smoke
