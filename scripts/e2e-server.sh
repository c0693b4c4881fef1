#!/usr/bin/env bash
# Prepares an e2e database (OpenCart's real 3.0.4.1 SQL + demo history + admin), builds and starts the app.
# Started by Playwright's webServer; e2e/global-teardown.ts drops the databases afterwards.
#   E2E_DATABASE, E2E_PORT, E2E_PREFIX (OpenCart table prefix), E2E_SKIP_BUILD=1 to reuse the build,
#   E2E_OPENCART=4 for a shop made from OpenCart 4.0.2.3's installed database instead (no demo history).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${E2E_DATABASE:=msce2e_app}"
: "${E2E_PORT:=3100}"
: "${E2E_PREFIX:=oc_}"
: "${E2E_OPENCART:=3}"
export DATABASE_URL="mysql://root@127.0.0.1:3306/${E2E_DATABASE}"
export OPENCART_DB_PREFIX="$E2E_PREFIX"
export AUTH_SECRET="${AUTH_SECRET:-e2e-only-secret-not-for-production}"
export APP_ENCRYPTION_KEY="${APP_ENCRYPTION_KEY:-e2e-only-encryption-key-not-for-production}"
export CRON_SECRET="${CRON_SECRET:-e2e-only-cron-secret-0123456789}"
export NEXTAUTH_URL="http://127.0.0.1:${E2E_PORT}"
if [ "$E2E_OPENCART" = "4" ]; then
  SQL=../shared/opencart/opencart-4.0.2.3-installed.sql
  [ -f "$SQL" ] || { echo "The OpenCart 4 e2e shop needs $SQL beside the project (the shared/ folder)." >&2; exit 1; }
  # The installer's own shop with its sample catalogue; the demo history generator writes 3.0-shaped orders.
  npx tsx scripts/db-opencart.ts --database "$E2E_DATABASE" --prefix "$E2E_PREFIX" --recreate --sql "$SQL"
else
  SQL=../shared/opencart/opencart-3.0.4.1.sql
  if [ -f "$SQL" ]; then
    npx tsx scripts/db-opencart.ts --database "$E2E_DATABASE" --prefix "$E2E_PREFIX" --recreate --sql "$SQL"
  else
    echo "No $SQL beside the project: using the project's own OpenCart tables instead."
    npx tsx scripts/db-opencart.ts --database "$E2E_DATABASE" --prefix "$E2E_PREFIX" --recreate
  fi
  npx tsx scripts/db-demo.ts --database "$E2E_DATABASE" --prefix "$E2E_PREFIX" --customers 200 --months 3 --seed 7
fi
npx tsx scripts/db-migrate.ts
npx tsx scripts/cli.ts user:add --username e2e-admin --password 'e2e-password-1' --firstname Test --lastname Admin
if [ "$E2E_PREFIX" = "oc_" ]; then
  # Not an Administrator, so a viewer of the default shop: e2e/webhooks.spec.ts checks what viewers may not do.
  npx tsx scripts/cli.ts user:add --username e2e-viewer --password 'e2e-password-2' --group Demonstration --firstname Test --lastname Viewer
  # The account e2e/webhooks.spec.ts signs its pushes for; its name and secret live in e2e/e2e-db.ts.
  IFS=$'\t' read -r ACCOUNT_NAME ACCOUNT_SECRET < <(npx tsx --eval \
    "import('./e2e/e2e-db.ts').then(({ E2E_WEBHOOK_ACCOUNT: a }) => console.log([a.name, a.secret].join('\\t')))")
  npx tsx scripts/cli.ts account:add --tenant default --marketplace generic --auth hmac --sku-match model \
    --name "$ACCOUNT_NAME" --secret "$ACCOUNT_SECRET" --base-url "$NEXTAUTH_URL"
  # The account e2e/sync.spec.ts links products to; its API is a fake Trendyol the spec starts.
  IFS=$'\t' read -r SYNC_NAME SYNC_PORT SYNC_SELLER SYNC_CREDENTIALS < <(npx tsx --eval \
    "Promise.all([import('./e2e/e2e-db.ts'), import('./scripts/fake-marketplaces/index.ts')]).then(([{ E2E_SYNC_ACCOUNT: a }, { FAKE_CREDENTIALS: c }]) => { const { sellerId, ...credentials } = c.trendyol; console.log([a.name, a.fakePort, sellerId, JSON.stringify(credentials)].join('\\t')); })")
  npx tsx scripts/cli.ts account:add --tenant default --marketplace trendyol --auth basic --username trendyol --sku-match model \
    --name "$SYNC_NAME" --base-url "$NEXTAUTH_URL" --api-base-url "http://127.0.0.1:${SYNC_PORT}" \
    --api-seller-id "$SYNC_SELLER" --api-credentials "$SYNC_CREDENTIALS"
fi
# Playwright starts its web servers one after another, so the second reuses the first one's build.
[ "${E2E_SKIP_BUILD:-0}" = "1" ] || npx next build
exec npx next start --hostname 127.0.0.1 --port "$E2E_PORT"
