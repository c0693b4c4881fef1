import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { queueStates } from '@/lib/db/schema';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import { selectRows } from '@/lib/orders/raw-sql';
import { utcDateSchema } from '../database-time';

const n = z.coerce.number();

/**
 * Counts the tenant's waiting and dead webhook events per marketplace and replaces its rows in
 * msc_metric_queue_state, stamped with the database time of the count.
 */
export async function countQueue(db: Db, tenantId: number, now: Date): Promise<void> {
  const rows = await selectRows(
    db,
    sql`SELECT marketplace,
          SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) AS pending,
          SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed,
          SUM(CASE WHEN status = 'dead' THEN 1 ELSE 0 END) AS dead,
          MIN(CASE WHEN status IN ('pending', 'failed') THEN received_at END) AS oldest
        FROM msc_webhook_event WHERE status IN ('pending', 'failed', 'dead') AND tenant_id = ${tenantId}
        GROUP BY marketplace`,
    z.object({ marketplace: z.string(), pending: n, failed: n, dead: n, oldest: utcDateSchema.nullable() }),
  );
  await db.transaction(async (tx) => {
    await tx.delete(queueStates).where(eq(queueStates.tenantId, tenantId));
    if (rows.length === 0) return;
    await tx.insert(queueStates).values(
      rows.map((r) => ({ tenantId, marketplace: r.marketplace as MarketplaceName, pending: r.pending, failed: r.failed, dead: r.dead, oldestWaitingAt: r.oldest, computedAt: now })),
    );
  });
}
