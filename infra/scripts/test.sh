#!/usr/bin/env bash
# The full test suite: types, lint, then every unit, integration and end-to-end test on the
# real FerretDB, Redis and SMTP mailbox (jest's globalSetup starts FerretDB and the mailbox).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/scripts/ensure-deps.sh --test-redis
export PATH="$PATH:/usr/local/go/bin"
echo "== typecheck and lint (turbo caches them by input)"; npx turbo run typecheck lint --output-logs=errors-only
echo "== tests"; npx jest "$@"
