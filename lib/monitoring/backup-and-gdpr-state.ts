import { and, eq, lte, max, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { backups, gdprRequests } from '@/lib/db/schema';
import { CLOSED_STATUSES } from '@/lib/gdpr/requests';

/** The newest good backup's finish time (of one tenant, or of any), null when there is none. */
export async function newestGoodBackup(db: DbOrTx, tenantId?: number): Promise<Date | null> {
  const [row] = await db
    .select({ newest: max(backups.finishedAt) })
    .from(backups)
    .where(and(eq(backups.status, 'succeeded'), tenantId === undefined ? undefined : eq(backups.tenantId, tenantId)));
  return row?.newest ? new Date(row.newest) : null;
}

/** A tenant's requests still to answer (confirmed, not closed) that are due within `days` (0: already past due). */
export async function gdprRequestsDueSoon(db: DbOrTx, tenantId: number, days: number): Promise<Array<{ id: number; dueAt: Date }>> {
  return db
    .select({ id: gdprRequests.id, dueAt: gdprRequests.dueAt })
    .from(gdprRequests)
    .where(
      and(
        eq(gdprRequests.tenantId, tenantId),
        // Unconfirmed public requests are nobody's to answer yet (and are closed after 30 days).
        notInArray(gdprRequests.status, ['unverified', ...CLOSED_STATUSES]),
        lte(gdprRequests.dueAt, sql`UTC_TIMESTAMP(3) + INTERVAL ${days} DAY`),
      ),
    );
}
