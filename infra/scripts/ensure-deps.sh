#!/usr/bin/env bash
# Installs what a fresh machine of this kind lacks, and nothing when it is all there:
# npm packages, the FerretDB binary (cached outside the clone), and a running Redis.
set -euo pipefail
cd "$(dirname "$0")/../.."

need_apt=()
command -v redis-server >/dev/null || need_apt+=(redis-server)
command -v go >/dev/null || [ -x /usr/local/go/bin/go ] || need_apt+=(golang-go)
# patch applies infra/ferretdb/*.patch to FerretDB's source; sqlite3 lets the tests read the
# query plans of FerretDB's SQLite files.
command -v patch >/dev/null || need_apt+=(patch)
command -v sqlite3 >/dev/null || need_apt+=(sqlite3)
# The web front end's end-to-end tests drive Debian's headless Chromium (playwright-core, no download).
[ -x /usr/bin/chromium ] || need_apt+=(chromium fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "missing: ${need_apt[*]} (install them with apt-get)" >&2; exit 1
  fi
fi
export PATH="$PATH:/usr/local/go/bin"

# npm ci when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

bash infra/scripts/build-ferretdb.sh >/dev/null

# Tests use the machine's Redis when one answers; else start one without persistence (a test
# Redis holds nothing worth keeping). The local start (up.ts) starts its own with AOF instead.
[ "${1:-}" = "--test-redis" ] || exit 0
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
port=$(node -e "console.log(new URL(process.argv[1]).port || 6379)" "$REDIS_URL")
if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
    --maxmemory-policy noeviction --dir /tmp >/dev/null
  for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
