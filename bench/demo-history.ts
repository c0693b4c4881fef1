/**
 * How fast the demo generator writes OpenCart order history, and whether it streams.
 *   npx tsx bench/demo-history.ts [--customers 50000] [--months 36]
 * Builds a scratch database from the project's OpenCart mirror, generates, prints the figures, drops it.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { env } from '@/lib/env';
import { dropDatabase, ensureDatabase, ensureServer, withDatabase } from '@/lib/db/server';
import { closeAllPools, getDb } from '@/lib/db/pool';
import { createOpenCartTables } from '@/lib/db/opencart/create-tables';
import { insertSampleCatalogue } from '@/lib/db/opencart/sample-catalogue';
import { generateDemoHistory } from '@/lib/demo/generate-demo-history';

const argsSchema = z.object({
  customers: z.coerce.number().int().min(1).default(50_000),
  months: z.coerce.number().int().min(1).max(120).default(36),
});
const SAMPLE_EVERY_MS = 200;

async function main() {
  const args = argsSchema.parse(
    parseArgs({ options: { customers: { type: 'string' }, months: { type: 'string' } } }).values,
  );
  const url = withDatabase(env().DATABASE_URL, `mscbench_demo_${Date.now().toString(36)}`);
  await ensureServer(url);
  await ensureDatabase(url);
  try {
    const oc = await createOpenCartTables(url);
    await insertSampleCatalogue(getDb(url), oc);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), SAMPLE_EVERY_MS);
    const started = performance.now();
    const result = await generateDemoHistory({ db: getDb(url), prefix: 'oc_', version: '3.0', customers: args.customers, months: args.months, seed: 1 });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const rows = result.customers + result.addresses + result.orders + result.orderProducts + result.orderTotals + result.orderHistories;
    console.log(`customers ${args.customers}, months ${args.months}`);
    console.log(`orders ${result.orders}, rows ${rows}`);
    console.log(`time ${seconds.toFixed(1)} s, ${Math.round(result.orders / seconds)} orders/s, ${Math.round(rows / seconds)} rows/s`);
    console.log(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
  } finally {
    await closeAllPools();
    await dropDatabase(url);
  }
}

main().catch((err: Error) => {
  console.error(`bench failed: ${err.message}`);
  process.exitCode = 1;
});
