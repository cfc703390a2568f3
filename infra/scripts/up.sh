#!/usr/bin/env bash
# One command for the whole system locally: installs what is missing, builds, starts
# FerretDB, Redis, the dev mailbox, every service and worker, seeds demo data, prints URLs.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/scripts/ensure-deps.sh
export PATH="$PATH:/usr/local/go/bin"
npx turbo run build --output-logs=errors-only
exec node infra/dist/up.js
