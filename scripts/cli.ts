import { existsSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { env } from '@/lib/env';
import { ensureServer, withDatabase } from '@/lib/db/server';
import { closeAllPools, getDb } from '@/lib/db/pool';
import { tenants } from '@/lib/db/schema';
import { addAdminUser } from '@/lib/users/add-admin-user';
import { writeAudit } from '@/lib/audit/write-audit';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { MARKETPLACES, SKU_MATCH_FIELDS, WEBHOOK_AUTH_TYPES } from '@/lib/marketplaces/names';
import { createMarketplaceAccount, webhookUrl } from '@/lib/marketplace-accounts';
import { ServiceError } from '@/lib/errors/service-error';
import { parseCliArgs, fail } from './lib/cli-args';
import { JOB_RUN_USAGE, jobRunCommand } from './lib/job-run-command';
import { BACKUP_COMMANDS, BACKUP_USAGE, BackupCliError, runBackupCommand } from '@/lib/backups/cli-commands';
import mysql from 'mysql2/promise';

// Next reads .env.local too, so the CLI seals secrets with the same APP_ENCRYPTION_KEY as the server;
// variables already set in the environment win, as they do for Next.
const LOCAL_ENV_FILE = '.env.local';
if (existsSync(LOCAL_ENV_FILE)) process.loadEnvFile(LOCAL_ENV_FILE);

const COMMANDS = ['user:add', 'account:add', 'job:run', ...BACKUP_COMMANDS] as const;
const USER_ADD_USAGE =
  'npm run cli -- user:add --username U --password P [--database NAME] [--prefix oc_] ' +
  '[--group Administrator] [--firstname F] [--lastname L] [--email E]';
const ACCOUNT_ADD_USAGE =
  'npm run cli -- account:add --tenant SLUG --marketplace NAME --auth basic|apikey|hmac [--secret S] [--name N] ' +
  '[--username U] [--api-key-header x-api-key] [--sku-match sku|model|ean|upc|mpn] [--base-url http://localhost:3000] ' +
  "[--api-base-url URL] [--api-seller-id ID] [--api-credentials '{\"apiKey\":\"…\",\"apiSecret\":\"…\"}']";
const USAGE = `Usage:\n  ${USER_ADD_USAGE}\n  ${ACCOUNT_ADD_USAGE}\n  ${JOB_RUN_USAGE}\n  ${BACKUP_USAGE}`;

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
    `Usage: ${USER_ADD_USAGE}`,
  );
  const mainUrl = env().DATABASE_URL;
  const url = args.database ? withDatabase(mainUrl, args.database) : mainUrl;
  await ensureServer(url);
  const db = getDb(url);
  const { database: _db, prefix, ...input } = args;
  const user = await addAdminUser(db, prefix ?? env().OPENCART_DB_PREFIX, input);
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

const DEFAULT_BASE_URL = 'http://localhost:3000';

const accountAddSchema = z.object({
  tenant: z.string().min(1, 'required'),
  marketplace: z.enum(MARKETPLACES),
  auth: z.enum(WEBHOOK_AUTH_TYPES),
  secret: z.string().optional(),
  name: z.string().optional(),
  username: z.string().optional(),
  'api-key-header': z.string().optional(),
  'sku-match': z.enum(SKU_MATCH_FIELDS).optional(),
  'base-url': z.url({ protocol: /^https?$/ }).default(DEFAULT_BASE_URL),
  /** The marketplace API this account's sync and order pull call (default: the marketplace's own servers). */
  'api-base-url': z.url({ protocol: /^https?$/ }).optional(),
  'api-seller-id': z.string().optional(),
  /** The API credentials as a JSON object of strings; the fields each marketplace needs are checked when stored. */
  'api-credentials': z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.string()))
    .optional(),
});

function accountKey(): Buffer {
  try {
    return encryptionKeyFrom(env().APP_ENCRYPTION_KEY);
  } catch (err) {
    fail(
      `${(err as Error).message}\n` +
        'account:add seals the secret with APP_ENCRYPTION_KEY, which must be the same value the app server uses ' +
        `(npm run demo writes one to ${LOCAL_ENV_FILE}). To make one: openssl rand -base64 32`,
    );
  }
}

async function accountAdd(argv: string[]) {
  const args = parseCliArgs(
    argv,
    Object.fromEntries(Object.keys(accountAddSchema.shape).map((k) => [k, { type: 'string' as const }])),
    accountAddSchema,
    `Usage: ${ACCOUNT_ADD_USAGE}`,
  );
  const key = accountKey();
  const url = env().DATABASE_URL;
  await ensureServer(url);
  const db = getDb(url);
  const [tenant] = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.slug, args.tenant));
  if (!tenant) fail(`No tenant with slug "${args.tenant}" (run npm run db:migrate to create the default one).`);
  try {
    const { account, secret } = await createMarketplaceAccount(
      db,
      {
        tenantId: tenant.id,
        marketplace: args.marketplace,
        authType: args.auth,
        name: args.name ?? `${args.marketplace} (${tenant.name})`.slice(0, 128),
        secret: args.secret,
        authUsername: args.username,
        apiKeyHeader: args['api-key-header'],
        skuMatch: args['sku-match'],
        apiBaseUrl: args['api-base-url'],
        apiSellerId: args['api-seller-id'],
        apiCredentials: args['api-credentials'],
      },
      { key, actor: { userId: null, username: 'cli' } },
    );
    const credentials =
      account.authType === 'basic'
        ? `Basic user name: ${account.authUsername}\nBasic password:  ${secret}`
        : account.authType === 'apikey'
          ? `API key header:  ${account.apiKeyHeader}\nAPI key:         ${secret}`
          : `Signing secret:  ${secret}`;
    console.log(
      `Added ${account.marketplace} account "${account.name}" (id ${account.id}).\n` +
        `Webhook URL:     ${webhookUrl(args['base-url'], account)}\n${credentials}\n` +
        'The secret is shown only this once; give it to the marketplace now.',
    );
  } catch (err) {
    if (err instanceof ServiceError && (err.code === 'BAD_REQUEST' || err.code === 'NOT_FOUND')) fail(err.message);
    throw err;
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const parsed = z.enum(COMMANDS).safeParse(command);
  if (!parsed.success) fail(`Unknown command "${command ?? ''}".\n${USAGE}`);
  if (parsed.data === 'user:add') await userAdd(rest);
  if (parsed.data === 'account:add') await accountAdd(rest);
  if (parsed.data === 'job:run') await jobRunCommand(rest);
  const backup = z.enum(BACKUP_COMMANDS).safeParse(parsed.data);
  if (backup.success) await backupCommand(backup.data, rest);
}

async function backupCommand(command: (typeof BACKUP_COMMANDS)[number], argv: string[]) {
  const url = env().DATABASE_URL;
  await ensureServer(url);
  try {
    await runBackupCommand(command, argv, { db: getDb(url), mainDatabaseUrl: url });
  } catch (err) {
    if (err instanceof BackupCliError) fail(`${command} failed: ${err.message}`, 1);
    throw err;
  }
}

main()
  .catch((err: Error) => {
    console.error(`cli failed: ${err.message}`);
    process.exitCode = 1;
  })
  .finally(closeAllPools);
