#!/bin/sh
# The whole test suite, from a fresh clone: `npm test` (README). CI's .ci/run calls exactly this.
set -eu
cd "$(dirname "$0")/.."
. ./scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1 CI="${CI:-1}"

ensure_install
ensure_system_command redis-server redis-server
echo "› lint (biome)"
pnpm lint
echo "› type-check (tsc -b)"
pnpm typecheck
echo "› build"
pnpm build
echo "› unit and integration tests (vitest)"
pnpm test:unit
