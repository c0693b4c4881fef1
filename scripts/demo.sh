#!/usr/bin/env bash
# One command to a running demo: installs dependencies if missing, builds database meschain_demo
# (fresh OpenCart tables, sample catalogue, demo history, admin user), migrates, builds and starts.
set -euo pipefail
cd "$(dirname "$0")/.."

DEMO_DATABASE=meschain_demo
DEMO_USER=admin
DEMO_PASSWORD=meschain-demo
PORT="${PORT:-3000}"

node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=9)?0:1)' || {
  echo "Node.js 20.9 or newer is needed (found $(node --version))."; exit 1; }

if [ ! -d node_modules ]; then
  echo "Installing dependencies (npm ci)…"
  npm ci
fi

# Secrets stay on this machine: .env.local is git-ignored and read by next start. Missing ones are added.
touch .env.local
for name in AUTH_SECRET CRON_SECRET APP_ENCRYPTION_KEY; do
  if ! grep -q "^${name}=" .env.local; then
    echo "${name}=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')" >> .env.local
    echo "Wrote a fresh ${name} to .env.local."
  fi
done
set -a; . ./.env.local; set +a

# The demo recreates its database, so it only ever uses meschain_demo, on DATABASE_URL's server if one is set.
DATABASE_URL="$(node -e 'const u = new URL(process.argv[1] || "mysql://root@127.0.0.1:3306/"); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "${DATABASE_URL:-}" "$DEMO_DATABASE")"
export DATABASE_URL
DB_NAME="$DEMO_DATABASE"

npx tsx scripts/ensure-db-server.ts
# DEMO_OPENCART_SQL=path/to/install.sql builds the shop from OpenCart's own install SQL (3.0 or 4.0, with its
# own sample catalogue) instead of the project's OpenCart 3 mirror and sample catalogue; the demo history
# and the app follow the line the tables show.
if [ -n "${DEMO_OPENCART_SQL:-}" ]; then
  npx tsx scripts/db-opencart.ts --database "$DB_NAME" --recreate --sql "$DEMO_OPENCART_SQL"
else
  npx tsx scripts/db-opencart.ts --database "$DB_NAME" --recreate
fi
npx tsx scripts/db-demo.ts --database "$DB_NAME"
npx tsx scripts/db-migrate.ts
npx tsx scripts/cli.ts user:add --username "$DEMO_USER" --password "$DEMO_PASSWORD" --firstname Demo --lastname Admin
# The marketplace side: fake marketplaces on 127.0.0.1 (no real one is reachable from here) and a
# Trendyol account calling the fake one, with the catalogue linked, so "Run now" on the jobs page syncs.
FAKES_PORT="${FAKES_PORT:-4100}"
npx tsx scripts/demo-sync.ts --fake-url "http://127.0.0.1:${FAKES_PORT}"

echo "Building the app…"
npx next build

cat <<MSG

  MesChain Sync is starting on http://localhost:${PORT}
  Log in with the OpenCart admin account:
    username: ${DEMO_USER}
    password: ${DEMO_PASSWORD}

  Fake marketplaces (what they received: GET /__fake/received):
MSG
node_modules/.bin/tsx scripts/fake-marketplaces.ts --port "$FAKES_PORT" &
FAKES_PID=$!
trap 'kill "$FAKES_PID" 2>/dev/null || true' EXIT
npx next start --port "$PORT"
