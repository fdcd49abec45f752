#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: type check, unit tests (Node), then the end-to-end
# tests in real headless Chromium inside a private network namespace (no packet leaves the machine).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "── type check"
npx tsc --noEmit -p .
echo "── unit tests (Node)"
npx vitest run --project unit
echo "── two peers over libdatachannel (Node, loopback)"
npx vitest run --project peers
echo "── end-to-end tests (Chromium, private network namespace)"
bash scripts/ensure-browsers.sh
bash scripts/in-netns.sh npx vitest run --project e2e
