#!/usr/bin/env bash
# Generates the next companion migration from lib/db/schema and makes every new table InnoDB utf8mb4.
# Usage: npm run db:generate -- --name short_name
# Runs under a lock so two people (or two terminals) generating at once cannot interleave snapshots.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>drizzle/.generate.lock
flock 9
npx drizzle-kit generate "$@"
npx tsx scripts/lib/fix-migration-engine.ts
