/**
 * npm run db:demo -- --database NAME [--prefix oc_] [--customers 1000] [--months 12] [--seed 1]
 *                    [--store-id 0] [--replace]
 *
 * Writes deterministic demo history (customers, orders, price changes, stock) into an OpenCart 3.0 or 4.0
 * database that already holds a catalogue, in the shapes of the line its tables show. The server comes
 * from DATABASE_URL, the database from --database. A database with demo history is refused unless --replace is given; one with customers
 * or orders of its own is always refused (see lib/demo/demo-target.ts).
 * Exit codes: 0 done, 1 refused or failed, 2 bad arguments or environment.
 */
import { z } from 'zod';
import { closeAllPools, getDb } from '@/lib/db/pool';
import { ensureServer, withDatabase } from '@/lib/db/server';
import { DemoSetupError } from '@/lib/demo/store-context';
import { DemoTargetError } from '@/lib/demo/demo-target';
import { DEMO_DEFAULTS, generateDemoHistory, type DemoProgress } from '@/lib/demo/generate-demo-history';
import { env } from '@/lib/env';
import { fail, parseCliArgs } from './lib/cli-args';

const USAGE = `Usage: npm run db:demo -- --database NAME [options]
  --database NAME    database holding OpenCart's tables and a catalogue (required)
  --prefix PFX       OpenCart table prefix (default: OPENCART_DB_PREFIX or oc_)
  --customers N      customers to create (default ${DEMO_DEFAULTS.customers})
  --months M         months of orders ending today, UTC (default ${DEMO_DEFAULTS.months})
  --seed S           PRNG seed, 0..4294967295 (default ${DEMO_DEFAULTS.seed}); same seed, same rows
  --store-id ID      OpenCart store id (default ${DEMO_DEFAULTS.storeId})
  --replace          delete earlier demo history first (otherwise a second run is refused)`;

const EXIT_FAILED = 1;

const wholeNumber = (max: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().max(max, `must be at most ${max}`));

const demoArgsSchema = z.object({
  database: z.string({ error: 'is required' }).regex(/^[A-Za-z0-9_]{1,64}$/, 'may hold letters, digits and _ only'),
  prefix: z.string().regex(/^[A-Za-z0-9_]{0,32}$/, 'may hold letters, digits and _ only').optional(),
  customers: wholeNumber(1_000_000).pipe(z.number().min(1, 'must be at least 1')).optional(),
  months: wholeNumber(120).pipe(z.number().min(1, 'must be at least 1')).optional(),
  seed: wholeNumber(0xffff_ffff).optional(),
  'store-id': wholeNumber(1_000_000).optional(),
  replace: z.boolean().optional(),
});

function readArgs() {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  return parseCliArgs(
    argv,
    {
      database: { type: 'string' },
      prefix: { type: 'string' },
      customers: { type: 'string' },
      months: { type: 'string' },
      seed: { type: 'string' },
      'store-id': { type: 'string' },
      replace: { type: 'boolean' },
    },
    demoArgsSchema,
    USAGE,
  );
}

function reportProgress(p: DemoProgress) {
  if (p.phase === 'replace') console.log('deleting earlier demo history');
  if (p.phase === 'customers') console.log(`customers ${p.written.toLocaleString('en')}/${p.total.toLocaleString('en')}`);
  if (p.phase === 'orders') console.log(`orders ${p.written.toLocaleString('en')} (through ${p.throughDay})`);
  if (p.phase === 'stock') console.log(`stock set for ${p.products} products`);
}

async function main() {
  const args = readArgs();
  let config;
  try {
    config = env();
  } catch (err) {
    fail((err as Error).message);
  }
  const url = withDatabase(config.DATABASE_URL, args.database);
  await ensureServer(url);

  const prefix = args.prefix ?? config.OPENCART_DB_PREFIX;
  const startedAt = Date.now();
  console.log(`demo history for ${args.database} (prefix ${prefix})`);
  const result = await generateDemoHistory({
    db: getDb(url),
    prefix,
    customers: args.customers,
    months: args.months,
    seed: args.seed,
    storeId: args['store-id'],
    replace: args.replace,
    onProgress: reportProgress,
  });
  const { stock: _stock, ...counts } = result;
  console.log(JSON.stringify(counts, null, 2));
  console.log(`done in ${((Date.now() - startedAt) / 1000).toFixed(1)}s`);
}

main()
  .then(() => closeAllPools())
  .catch(async (err: unknown) => {
    await closeAllPools();
    // Drizzle wraps the driver's error: its code and SQL message sit on the cause.
    const e = err as Error & { code?: string; sqlMessage?: string };
    const driver = (e.cause ?? e) as { code?: string; sqlMessage?: string };
    if (err instanceof DemoTargetError || err instanceof DemoSetupError) console.error(e.message);
    else if (driver.code === 'ER_BAD_DB_ERROR') console.error(`${driver.sqlMessage ?? e.message}: create it and load OpenCart first (npm run db:opencart).`);
    // A database made by an older db:opencart may lack tables the mirror has gained since (the tax tables).
    else if (driver.code === 'ER_NO_SUCH_TABLE') console.error(`${driver.sqlMessage ?? e.message}: is --prefix right, and is OpenCart loaded? A database from an older db:opencart needs rebuilding (--recreate).`);
    else console.error(e.stack ?? e.message, e.cause ?? '');
    process.exitCode = EXIT_FAILED;
  });
