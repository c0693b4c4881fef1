/**
 * Applies due webhook events from the command line, for system cron (and the worker crash test):
 *   npx tsx scripts/webhooks-worker.ts [--once] [--limit 50] [--worker-id NAME]
 * Runs batches until no due event is left (or one batch with --once). Safe to run several at once
 * and to kill at any moment: a killed batch loses nothing and doubles nothing (lib/webhooks/worker.ts).
 * SIGINT/SIGTERM finish the current batch, then stop.
 */
import { hostname } from 'node:os';
import { z } from 'zod';
import { env } from '@/lib/env';
import { ensureServer } from '@/lib/db/server';
import { closeAllPools, getDb } from '@/lib/db/pool';
import { processDueEvents } from '@/lib/webhooks/worker';
import { parseCliArgs } from './lib/cli-args';

const DEFAULT_BATCH_SIZE = 50;
const USAGE = 'Usage: npx tsx scripts/webhooks-worker.ts [--once] [--limit N] [--worker-id NAME]';

const argsSchema = z.object({
  once: z.boolean().default(false),
  limit: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_BATCH_SIZE),
  'worker-id': z.string().min(1).max(64).default(`cli-${hostname()}-${process.pid}`),
});

async function main() {
  const args = parseCliArgs(
    process.argv.slice(2),
    { once: { type: 'boolean' }, limit: { type: 'string' }, 'worker-id': { type: 'string' } },
    argsSchema,
    USAGE,
  );
  const url = env().DATABASE_URL;
  await ensureServer(url);
  const db = getDb(url);

  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const totals = { claimed: 0, done: 0, failed: 0, dead: 0 };
  for (;;) {
    const batch = await processDueEvents({ db, mainDatabaseUrl: url, workerId: args['worker-id'], limit: args.limit });
    totals.claimed += batch.claimed;
    totals.done += batch.done;
    totals.failed += batch.failed;
    totals.dead += batch.dead;
    if (batch.claimed > 0) {
      console.log(`batch: claimed ${batch.claimed}, done ${batch.done}, failed ${batch.failed}, dead ${batch.dead}`);
    }
    if (args.once || stopping || batch.claimed === 0) break;
  }
  console.log(`webhooks worker: claimed ${totals.claimed}, done ${totals.done}, failed ${totals.failed}, dead ${totals.dead}`);
}

main()
  .catch((err: unknown) => {
    console.error('webhooks worker failed:', err);
    process.exitCode = 1;
  })
  .finally(closeAllPools);
