#!/usr/bin/env bash
# Every test: type check, unit and integration (Vitest on a real MariaDB), e2e (Playwright in Debian's Chromium).
# Ends with one line "N passed, N failed" summing all suites.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  echo "Installing dependencies (npm ci)…"
  npm ci || exit 1
fi

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's Chromium for the browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) || {
      echo "Could not install Chromium. Run: apt-get update && apt-get install -y chromium"; exit 1; }
  else
    echo "The browser tests need Debian's Chromium at $CHROMIUM. Run as root: apt-get install -y chromium"
    exit 1
  fi
fi

npx tsx scripts/ensure-db-server.ts || exit 1

rm -rf test-results && mkdir -p test-results

echo "== Type check"
npx tsc --noEmit
typecheck=$?

echo "== Unit and integration tests (Vitest, real MariaDB)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
vitest=$?

# Every suite again on OpenCart 4.0.2.3 (InnoDB, 4.0's columns): the harness loads 4.0's database wherever
# a suite asks for a shop. The *.opencart4 and *.versions suites pick their line themselves and ran above.
echo "== The same suites on OpenCart 4.0 (TEST_OPENCART_VERSION=4.0)"
TEST_OPENCART_VERSION=4.0 npx vitest run --exclude '**/*.opencart4.test.ts' --exclude '**/*.versions.test.ts' \
  --reporter=default --reporter=json --outputFile.json=test-results/vitest-opencart4.json
vitest4=$?

echo "== End-to-end tests (Playwright, Chromium)"
npx playwright test -c e2e/playwright.config.ts
e2e=$?

npx tsx scripts/test-summary.ts test-results/vitest.json test-results/playwright.json "$typecheck" test-results/vitest-opencart4.json
summary=$?

if [ $typecheck -ne 0 ] || [ $vitest -ne 0 ] || [ $vitest4 -ne 0 ] || [ $e2e -ne 0 ] || [ $summary -ne 0 ]; then exit 1; fi
