import { z } from 'zod';
import { env } from '@/lib/env';
import { ensureDatabase, ensureServer, withDatabase } from '@/lib/db/server';
import { closeAllPools, getDb } from '@/lib/db/pool';
import { loadInstallSql } from '@/lib/db/opencart/install-sql';
import { createOpenCartTables } from '@/lib/db/opencart/create-tables';
import { insertSampleCatalogue } from '@/lib/db/opencart/sample-catalogue';
import { existsSync } from 'node:fs';
import { parseCliArgs } from './lib/cli-args';
import mysql from 'mysql2/promise';

const USAGE =
  'Usage: npm run db:opencart -- --database NAME [--prefix oc_] [--sql path/to/opencart.sql] [--recreate]\n' +
  '  Without --sql the tables come from the project\'s Drizzle mirror with a small sample catalogue.';

const argsSchema = z.object({
  database: z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'letters, digits and _ only'),
  prefix: z.string().regex(/^[A-Za-z0-9_]{0,32}$/, 'letters, digits and _ only').default('oc_'),
  sql: z
    .string()
    .refine((f) => existsSync(f), 'file not found')
    .optional(),
  recreate: z.boolean().default(false),
});

async function countPrefixedTables(url: string, database: string, prefix: string): Promise<number> {
  const conn = await mysql.createConnection({ uri: url });
  try {
    const [rows] = await conn.query(
      'SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name LIKE ?',
      [database, `${prefix.replace(/_/g, '\\_')}%`],
    );
    return Number((rows as Array<{ n: number }>)[0]?.n ?? 0);
  } finally {
    await conn.end();
  }
}

async function main() {
  const args = parseCliArgs(
    process.argv.slice(2),
    {
      database: { type: 'string' },
      prefix: { type: 'string' },
      sql: { type: 'string' },
      recreate: { type: 'boolean' },
    },
    argsSchema,
    USAGE,
  );
  const url = withDatabase(env().DATABASE_URL, args.database);
  await ensureServer(url);
  await ensureDatabase(url, { recreate: args.recreate });
  const existing = await countPrefixedTables(url, args.database, args.prefix);
  if (existing > 0) {
    throw new Error(
      `Database ${args.database} already has ${existing} tables with prefix "${args.prefix}". ` +
        'Pass --recreate to drop and rebuild it.',
    );
  }
  if (args.sql) {
    await loadInstallSql(url, args.sql, args.prefix);
    console.log(`Loaded ${args.sql} into ${args.database} with prefix "${args.prefix}".`);
  } else {
    const oc = await createOpenCartTables(url, args.prefix);
    await insertSampleCatalogue(getDb(url), oc);
    console.log(`Created OpenCart 3 tables and the sample catalogue in ${args.database} (prefix "${args.prefix}").`);
  }
}

main()
  .catch((err: Error) => {
    console.error(`db:opencart failed: ${err.message}`);
    process.exitCode = 1;
  })
  .finally(closeAllPools);
