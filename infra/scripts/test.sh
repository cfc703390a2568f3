#!/usr/bin/env bash
# The full test suite: types, lint, then every unit, integration and end-to-end test on the
# real FerretDB, Redis and SMTP mailbox (jest's globalSetup starts FerretDB and the mailbox),
# first the cross-service slice on Node 24 LTS (what the production images run), then
# everything on the machine's Node.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/scripts/ensure-deps.sh --test-redis
export PATH="$PATH:/usr/local/go/bin"
echo "== typecheck and lint (turbo caches them by input)"; npx turbo run typecheck lint --output-logs=errors-only
# The split-layout test and the benchmarks' smoke run start built dist/ entry points; building
# once here means their own turbo builds find everything cached instead of rewriting dist/ side
# by side while the other's processes read it.
echo "== build (turbo caches it by input)"; npx turbo run build --output-logs=errors-only
if [ $# -eq 0 ]; then
  echo "== cross-service slice on Node 24 LTS"
  npx --yes -p node@24 -c 'node -v && node node_modules/jest/bin/jest.js test/smoke.test.ts test/calendar/all-in-one-feeds.test.ts test/events/events-api.test.ts test/newsletter/double-opt-in.test.ts test/funding/subscriptions.test.ts'
fi
echo "== tests on $(node -v)"; npx jest "$@"
