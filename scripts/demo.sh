#!/bin/sh
# The demo, from a fresh clone: `npm run demo` (README). Builds, then runs the app on
# http://127.0.0.1:3000 with the Paygentic emulator beside it, until Ctrl-C.
set -eu
cd "$(dirname "$0")/.."
. ./scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1

ensure_install
echo "› build"
pnpm build
echo "› start"
exec pnpm start
