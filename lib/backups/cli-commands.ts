import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { backups, tenants } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { backupConfigFromEnv } from './backup-config';
import { backupQuotaMessage, createBackup } from './create-backup';
import { QuotaExceededError } from '@/lib/quotas/quota-exceeded-error';
import { displayStatusOf, listAllBackups } from './list-backups';
import { databaseNameSchema, restoreBackup } from './restore-backup';
import { verifyBackup } from './verify-backup';

export const BACKUP_COMMANDS = ['backup:create', 'backup:verify', 'backup:restore', 'backup:list'] as const;
export type BackupCommand = (typeof BACKUP_COMMANDS)[number];

export const BACKUP_USAGE = [
  'npm run cli -- backup:create --tenant SLUG',
  'npm run cli -- backup:verify ID',
  'npm run cli -- backup:restore ID --into DATABASE | --over-own SLUG',
  'npm run cli -- backup:list [--tenant SLUG]',
].join('\n  ');

/** A failure the operator can act on: printed without a stack, exit code 1. */
export class BackupCliError extends Error {}

const slugSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a tenant slug: letters, digits, _ and - only');
const idSchema = z.coerce.number().int().positive('a backup id is a positive whole number');

function parse<S extends z.ZodType>(argv: string[], options: Record<string, { type: 'string' }>, schema: S): z.infer<S> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new BackupCliError((err as Error).message);
  }
  const result = schema.safeParse({ ...parsed.values, id: parsed.positionals[0], extra: parsed.positionals.slice(1) });
  if (!result.success) throw new BackupCliError(result.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('\n'));
  return result.data;
}

async function tenantBySlug(db: Db, slug: string) {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  if (!tenant) throw new BackupCliError(`No tenant with slug "${slug}".`);
  return tenant;
}

async function tenantOfBackup(db: Db, id: number) {
  const [row] = await db.select({ tenantId: backups.tenantId }).from(backups).where(eq(backups.id, id));
  if (!row) throw new BackupCliError(`No backup with id ${id}.`);
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, row.tenantId));
  return tenant!;
}

const noExtra = z.array(z.string()).max(0, 'unexpected extra arguments');

/**
 * The backup commands for operators and scripts. Each prints what it did and returns; a failure throws
 * BackupCliError (or ServiceError) with a message for the operator, and the CLI exits non-zero.
 */
export async function runBackupCommand(command: BackupCommand, argv: string[], deps: { db: Db; mainDatabaseUrl: string; log?: (line: string) => void }) {
  const log = deps.log ?? ((line: string) => console.log(line));
  const config = backupConfigFromEnv();
  const backupDeps = { mainDb: deps.db, mainDatabaseUrl: deps.mainDatabaseUrl, config };
  try {
    if (command === 'backup:create') {
      const args = parse(argv, { tenant: { type: 'string' } }, z.object({ tenant: slugSchema, id: z.undefined({ error: 'backup:create takes no positional argument' }), extra: noExtra }));
      const tenant = await tenantBySlug(deps.db, args.tenant);
      const backup = await createBackup(backupDeps, { tenant, kind: 'manual', requestedBy: 'cli' });
      log(`Backup ${backup.id} of ${tenant.slug}: ${backup.fileName} (${backup.bytes} bytes, ${backup.rowsDone} rows, ${backup.durationMs} ms${backup.encrypted ? ', encrypted' : ''})`);
      return backup;
    }
    if (command === 'backup:verify') {
      const args = parse(argv, {}, z.object({ id: idSchema, extra: noExtra }));
      const tenant = await tenantOfBackup(deps.db, args.id);
      const result = await verifyBackup(deps.db, config, tenant.id, args.id);
      if (!result.good) throw new BackupCliError(`Backup ${args.id} is BAD: ${result.reason}`);
      log(`Backup ${args.id} is good: every table's rows match its checksums.`);
      return result;
    }
    if (command === 'backup:restore') {
      const args = parse(
        argv,
        { into: { type: 'string' }, 'over-own': { type: 'string' } },
        z
          .object({ id: idSchema, into: databaseNameSchema.optional(), 'over-own': z.string().optional(), extra: noExtra })
          .refine((a) => (a.into === undefined) !== (a['over-own'] === undefined), 'give either --into DATABASE or --over-own SLUG'),
      );
      const tenant = await tenantOfBackup(deps.db, args.id);
      const target = args.into !== undefined ? { kind: 'new' as const, database: args.into } : { kind: 'own' as const, confirm: args['over-own']! };
      const restore = await restoreBackup(backupDeps, { tenant, backupId: args.id, target, requestedBy: 'cli' });
      if (restore.status !== 'verified') throw new BackupCliError(`Backup ${args.id} was restored into ${restore.targetDatabase} but does not match its manifest: ${restore.error}`);
      log(`Backup ${args.id} restored into ${restore.targetDatabase}: ${restore.tablesTotal} tables, ${restore.rowsTotal} rows, checked against the manifest (${restore.durationMs} ms).`);
      return restore;
    }
    const args = parse(argv, { tenant: { type: 'string' } }, z.object({ tenant: slugSchema.optional(), id: z.undefined({ error: 'backup:list takes no positional argument' }), extra: noExtra }));
    const tenant = args.tenant ? await tenantBySlug(deps.db, args.tenant) : undefined;
    const rows = await listAllBackups(deps.db, tenant?.id);
    if (rows.length === 0) log('No backups yet.');
    for (const r of rows) {
      log([r.id, r.tenant, displayStatusOf(r), r.startedAt.toISOString(), `${r.durationMs ?? '-'} ms`, `${r.bytes} bytes`, `${r.rowsDone} rows`, r.fileName || '-', r.error ?? ''].join('\t').trimEnd());
    }
    return rows;
  } catch (err) {
    if (err instanceof QuotaExceededError) throw new BackupCliError(backupQuotaMessage(err), { cause: err });
    if (err instanceof ServiceError) throw new BackupCliError(err.message, { cause: err });
    throw err;
  }
}
