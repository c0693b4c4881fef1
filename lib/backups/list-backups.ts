import { count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { backupRestores, backups, tenants, type Backup, type BackupRestore } from '@/lib/db/schema';

export const BACKUPS_PER_PAGE = 20;

/** What the page and the CLI show for a backup's state: `good` once written and read back fine. */
export type BackupDisplayStatus = 'running' | 'good' | 'bad' | 'failed' | 'restored-and-verified';

export function displayStatusOf(backup: Pick<Backup, 'status' | 'restoreVerifiedAt'>): BackupDisplayStatus {
  if (backup.status === 'running') return 'running';
  if (backup.status === 'failed') return 'failed';
  if (backup.status === 'bad') return 'bad';
  return backup.restoreVerifiedAt ? 'restored-and-verified' : 'good';
}

export type BackupListItem = Omit<Backup, 'manifest'> & { tablesInManifest: number; displayStatus: BackupDisplayStatus; latestRestore: BackupRestore | null };

/** One page of a tenant's backups, newest first, with the latest restore of each. */
export async function listBackupsForTenant(db: Db, tenantId: number, page = 1): Promise<{ items: BackupListItem[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(backups)
      .where(eq(backups.tenantId, tenantId))
      .orderBy(desc(backups.startedAt), desc(backups.id))
      .limit(BACKUPS_PER_PAGE)
      .offset((page - 1) * BACKUPS_PER_PAGE),
    db.select({ n: count() }).from(backups).where(eq(backups.tenantId, tenantId)),
  ]);
  const restores = rows.length
    ? await db
        .select()
        .from(backupRestores)
        .where(inArray(backupRestores.backupId, rows.map((r) => r.id)))
        .orderBy(desc(backupRestores.startedAt), desc(backupRestores.id))
    : [];
  const items = rows.map(({ manifest, ...b }) => ({
    ...b,
    tablesInManifest: manifest?.tables.length ?? 0,
    displayStatus: displayStatusOf(b),
    latestRestore: restores.find((r) => r.backupId === b.id) ?? null,
  }));
  return { items, total: Number(total?.n ?? 0) };
}

/** Every tenant's backups for the operator's CLI (newest first), with the tenant's slug. */
export async function listAllBackups(db: Db, tenantId?: number, limit = 100) {
  return db
    .select({ id: backups.id, tenant: tenants.slug, status: backups.status, restoreVerifiedAt: backups.restoreVerifiedAt, startedAt: backups.startedAt, durationMs: backups.durationMs, bytes: backups.bytes, rowsDone: backups.rowsDone, fileName: backups.fileName, error: backups.error })
    .from(backups)
    .innerJoin(tenants, eq(tenants.id, backups.tenantId))
    .where(tenantId === undefined ? undefined : eq(backups.tenantId, tenantId))
    .orderBy(desc(backups.startedAt), desc(backups.id))
    .limit(limit);
}
