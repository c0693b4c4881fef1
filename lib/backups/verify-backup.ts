import { and, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { backups, tenants, type Backup, type Tenant } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import type { BackupConfig } from './backup-config';
import { findBackupFileProblem } from './check-backup-file';

export type VerifyResult = { backup: Backup; good: boolean; reason: string | null };

/** The tenant's backup, or NOT_FOUND (another tenant's id answers the same). */
export async function getTenantBackup(db: Db, tenantId: number, backupId: number): Promise<Backup> {
  const [row] = await db.select().from(backups).where(and(eq(backups.id, backupId), eq(backups.tenantId, tenantId)));
  if (!row) throw new ServiceError('NOT_FOUND', `No backup ${backupId} for this shop.`);
  return row;
}

/** Reads the whole file back and marks the backup good (`succeeded`, with verifiedAt) or `bad` with the reason. */
export async function verifyBackup(db: Db, config: BackupConfig, tenantId: number, backupId: number): Promise<VerifyResult> {
  const backup = await getTenantBackup(db, tenantId, backupId);
  if (backup.status === 'running' || backup.status === 'failed' || !backup.fileName) {
    throw new ServiceError('CONFLICT', `Backup ${backupId} has no complete file to verify (it is ${backup.status}).`);
  }
  const reason = await findBackupFileProblem(config, backup);
  const now = new Date();
  const set = reason === null ? { status: 'succeeded' as const, verifiedAt: now, error: null } : { status: 'bad' as const, verifiedAt: now, error: `Verify failed: ${reason}`.slice(0, 2000) };
  await db.update(backups).set(set).where(eq(backups.id, backupId));
  return { backup: { ...backup, ...set }, good: reason === null, reason };
}

/** The full tenant row (with its sealed database URL), which backups and restores need. */
export async function getTenantRow(db: Db, tenantId: number): Promise<Tenant> {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!row) throw new ServiceError('NOT_FOUND', `No shop ${tenantId}.`);
  return row;
}
