import { z } from 'zod';
import { env } from '@/lib/env';
import { ensureServer, withDatabase } from '@/lib/db/server';
import { closeAllPools, getDb } from '@/lib/db/pool';
import { openCartTables } from '@/lib/db/opencart';
import { addAdminUser } from '@/lib/users/add-admin-user';
import { writeAudit } from '@/lib/audit/write-audit';
import { parseCliArgs, fail } from './lib/cli-args';
import mysql from 'mysql2/promise';

const COMMANDS = ['user:add'] as const;
const USAGE =
  'Usage: npm run cli -- user:add --username U --password P [--database NAME] [--prefix oc_] ' +
  '[--group Administrator] [--firstname F] [--lastname L] [--email E]';

const userAddSchema = z.object({
  username: z.string().min(1, 'required'),
  password: z.string().min(1, 'required'),
  database: z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'letters, digits and _ only').optional(),
  prefix: z.string().regex(/^[A-Za-z0-9_]{0,32}$/).optional(),
  group: z.string().optional(),
  firstname: z.string().optional(),
  lastname: z.string().optional(),
  email: z.string().optional(),
});

async function hasAuditTable(url: string): Promise<boolean> {
  const conn = await mysql.createConnection({ uri: url });
  try {
    const [rows] = await conn.query("SHOW TABLES LIKE 'msc\\_audit\\_log'");
    return (rows as unknown[]).length > 0;
  } finally {
    await conn.end();
  }
}

async function userAdd(argv: string[]) {
  const args = parseCliArgs(
    argv,
    Object.fromEntries(Object.keys(userAddSchema.shape).map((k) => [k, { type: 'string' as const }])),
    userAddSchema,
    USAGE,
  );
  const mainUrl = env().DATABASE_URL;
  const url = args.database ? withDatabase(mainUrl, args.database) : mainUrl;
  await ensureServer(url);
  const db = getDb(url);
  const { database: _db, prefix, ...input } = args;
  const user = await addAdminUser(db, openCartTables(prefix ?? env().OPENCART_DB_PREFIX), input);
  // The audit log lives beside the companion tables of the database being written, when migrated.
  if (await hasAuditTable(url)) {
    await writeAudit(db, {
      action: 'user.add',
      actor: { userId: null, username: 'cli' },
      target: { type: 'oc_user', id: user.userId },
      after: { username: user.username, group: user.group },
    });
  } else {
    console.warn('No msc_audit_log in this database yet (run npm run db:migrate): the CLI write was not audited.');
  }
  console.log(`Added OpenCart admin "${user.username}" (user_id ${user.userId}, group ${user.group}).`);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const parsed = z.enum(COMMANDS).safeParse(command);
  if (!parsed.success) fail(`Unknown command "${command ?? ''}".\n${USAGE}`);
  if (parsed.data === 'user:add') await userAdd(rest);
}

main()
  .catch((err: Error) => {
    console.error(`cli failed: ${err.message}`);
    process.exitCode = 1;
  })
  .finally(closeAllPools);
