'use server';

import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getMessages, type Locale } from '@/lib/i18n';
import { tenantAction } from '@/lib/auth/tenant-action';
import { backupConfigFromEnv } from '@/lib/backups/backup-config';
import { startBackup } from '@/lib/backups/create-backup';
import { databaseNameSchema, startRestore } from '@/lib/backups/restore-backup';
import { getTenantRow, verifyBackup } from '@/lib/backups/verify-backup';
import { backupRetentionSchema, setBackupRetention } from '@/lib/backups/retention';
import { BACKUP_CREATE_ROLES, BACKUP_RESTORE_ROLES } from './backup-roles';

const BACKUPS_PATH = '/backups';
const errors = (locale: Locale) => getMessages(locale).backups.errors;
const adminErrors = (locale: Locale) => ({ ...errors(locale), forbidden: errors(locale).forbiddenAdmin });

const backupIdSchema = z.object({ backupId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

function backupDeps() {
  return { mainDatabaseUrl: env().DATABASE_URL, config: backupConfigFromEnv() };
}

/** Starts a backup and answers with its id at once; the file is written after the response (the page shows its progress). */
export const createBackupAction = tenantAction({ schema: z.object({}), roles: BACKUP_CREATE_ROLES, errors }, async (_input, ctx) => {
  const tenant = await getTenantRow(ctx.db, ctx.tenant.tenant.id);
  const started = await startBackup({ mainDb: ctx.db, ...backupDeps() }, { tenant, kind: 'manual', requestedBy: ctx.actor.username, actorUserId: ctx.actor.userId });
  after(() => started.finish().catch((err: unknown) => console.error(`backups: backup ${started.id} of ${tenant.slug} failed`, err)));
  revalidatePath(BACKUPS_PATH);
  return { ok: true, id: started.id };
});

export const verifyBackupAction = tenantAction({ schema: backupIdSchema, roles: BACKUP_CREATE_ROLES, errors }, async ({ backupId }, ctx) => {
  const result = await verifyBackup(ctx.db, backupConfigFromEnv(), ctx.tenant.tenant.id, backupId);
  revalidatePath(BACKUPS_PATH);
  return { ok: true, id: backupId, good: result.good, reason: result.reason };
});

const restoreSchema = z.discriminatedUnion('kind', [
  backupIdSchema.extend({ kind: z.literal('new'), database: databaseNameSchema }),
  backupIdSchema.extend({ kind: z.literal('own'), confirm: z.string().max(64) }),
]);

/** Admins only: restores into a new database, or over the shop's own tables with its slug typed. Runs after the response. */
export const restoreBackupAction = tenantAction({ schema: restoreSchema, roles: BACKUP_RESTORE_ROLES, errors: adminErrors }, async (input, ctx) => {
  const tenant = await getTenantRow(ctx.db, ctx.tenant.tenant.id);
  const target = input.kind === 'new' ? { kind: 'new' as const, database: input.database } : { kind: 'own' as const, confirm: input.confirm };
  const started = await startRestore({ mainDb: ctx.db, ...backupDeps() }, { tenant, backupId: input.backupId, target, requestedBy: ctx.actor.username, actorUserId: ctx.actor.userId });
  after(() => started.finish().catch((err: unknown) => console.error(`backups: restore ${started.id} of ${tenant.slug} failed`, err)));
  revalidatePath(BACKUPS_PATH);
  return { ok: true, id: started.id };
});

/** Admins only: how many daily and weekly backups the nightly job keeps (audited). */
export const setBackupRetentionAction = tenantAction({ schema: backupRetentionSchema, roles: BACKUP_RESTORE_ROLES, errors: adminErrors }, async (input, ctx) => {
  const rule = await setBackupRetention(ctx.db, ctx.tenant.tenant.id, input, ctx.actor);
  revalidatePath(BACKUPS_PATH);
  return { ok: true, ...rule };
});
