import { and, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { backups, backupSettings, type Backup } from '@/lib/db/schema';
import { writeAudit, type AuditEntry } from '@/lib/audit/write-audit';
import type { BackupStore } from './backup-store';

export const DEFAULT_KEEP_DAILY = 7;
export const DEFAULT_KEEP_WEEKLY = 4;
/** A backup younger than this is never deleted by retention, so a failure stays on the page for a day. */
export const RETENTION_GRACE_MS = 24 * 60 * 60_000;
const MAX_KEEP = 366;

export const backupRetentionSchema = z.object({
  keepDaily: z.coerce.number().int().min(1).max(MAX_KEEP),
  keepWeekly: z.coerce.number().int().min(0).max(MAX_KEEP),
});
export type BackupRetention = z.infer<typeof backupRetentionSchema>;

function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The Monday (UTC) of a date's ISO week. */
function utcWeek(d: Date): string {
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
  return utcDay(monday);
}

/**
 * Which good backups retention keeps: the newest of each of the last `keepDaily` days that have one,
 * and the newest of each of the last `keepWeekly` weeks (UTC, weeks from Monday).
 */
export function chooseBackupsToKeep(list: Array<Pick<Backup, 'id' | 'status' | 'startedAt'>>, rule: BackupRetention): Set<number> {
  const good = list.filter((b) => b.status === 'succeeded').sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  const keep = new Set<number>();
  const pick = (bucketOf: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of good) {
      const bucket = bucketOf(b.startedAt);
      if (seen.has(bucket)) continue;
      if (seen.size === count) break;
      seen.add(bucket);
      keep.add(b.id);
    }
  };
  pick(utcDay, rule.keepDaily);
  pick(utcWeek, rule.keepWeekly);
  return keep;
}

export async function getBackupRetention(db: Db, tenantId: number): Promise<BackupRetention> {
  const [row] = await db.select().from(backupSettings).where(eq(backupSettings.tenantId, tenantId));
  return row ? { keepDaily: row.keepDaily, keepWeekly: row.keepWeekly } : { keepDaily: DEFAULT_KEEP_DAILY, keepWeekly: DEFAULT_KEEP_WEEKLY };
}

export async function setBackupRetention(db: Db, tenantId: number, input: unknown, actor: AuditEntry['actor']): Promise<BackupRetention> {
  const rule = backupRetentionSchema.parse(input);
  const before = await getBackupRetention(db, tenantId);
  await db.transaction(async (tx) => {
    await tx.insert(backupSettings).values({ tenantId, ...rule }).onDuplicateKeyUpdate({ set: { ...rule, updatedAt: new Date() } });
    await writeAudit(tx, { action: 'backup.retention_set', actor, tenantId, target: { type: 'tenant', id: tenantId }, before, after: rule });
  });
  return rule;
}

/**
 * Deletes the tenant's backups retention does not keep (and that are past the grace period), file
 * first and then the row, each deletion audited. Call while holding the tenant's backup lock.
 */
export async function applyBackupRetention(db: Db, store: BackupStore, tenantId: number, now = new Date()): Promise<{ deleted: number; freedBytes: number }> {
  const rule = await getBackupRetention(db, tenantId);
  const list = await db
    .select({ id: backups.id, status: backups.status, startedAt: backups.startedAt, fileName: backups.fileName, bytes: backups.bytes })
    .from(backups)
    .where(and(eq(backups.tenantId, tenantId), ne(backups.status, 'running')))
    .orderBy(desc(backups.startedAt));
  const keep = chooseBackupsToKeep(list, rule);
  let deleted = 0;
  let freedBytes = 0;
  for (const b of list) {
    if (keep.has(b.id) || now.getTime() - b.startedAt.getTime() < RETENTION_GRACE_MS) continue;
    if (b.fileName) await store.remove(b.fileName);
    await db.transaction(async (tx) => {
      await tx.delete(backups).where(eq(backups.id, b.id));
      await writeAudit(tx, {
        action: 'backup.delete',
        actor: { userId: null, username: 'retention' },
        tenantId,
        target: { type: 'backup', id: b.id },
        before: { fileName: b.fileName, bytes: b.bytes, status: b.status, startedAt: b.startedAt.toISOString() },
        after: { rule },
      });
    });
    deleted++;
    freedBytes += b.bytes;
  }
  return { deleted, freedBytes };
}
