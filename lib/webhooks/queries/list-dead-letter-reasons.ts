import { and, count, desc, eq, max } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { webhookEvents } from '@/lib/db/schema';
import { unknownSkuFromError } from './unknown-sku';

/** The dead-letter tab lists this many distinct reasons, the most recent first. */
export const DEAD_LETTER_REASONS_LIMIT = 20;

export type DeadLetterReason = {
  /** The last error of the events, as the worker wrote it; null when none was recorded. */
  reason: string | null;
  count: number;
  /** The newest dead event with this reason: where to look first. */
  latestEventId: number;
  latestReceivedAt: string;
  /** Set when the reason is a SKU that maps to no product: a mapping fixes every event listed. */
  unknownSku: string | null;
};

/** Why a tenant's events are dead, grouped by reason, most recently received first. */
export async function listDeadLetterReasons(
  db: DbOrTx,
  tenantId: number,
  { limit = DEAD_LETTER_REASONS_LIMIT }: { limit?: number } = {},
): Promise<DeadLetterReason[]> {
  const newest = max(webhookEvents.receivedAt);
  const rows = await db
    .select({
      reason: webhookEvents.lastError,
      count: count(),
      latestEventId: max(webhookEvents.id),
      latestReceivedAt: newest,
    })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.tenantId, tenantId), eq(webhookEvents.status, 'dead')))
    .groupBy(webhookEvents.lastError)
    .orderBy(desc(newest))
    .limit(limit);
  // A group always has a row, so its max() values are never null.
  return rows.flatMap(({ latestEventId, latestReceivedAt, ...row }) =>
    latestEventId === null || latestReceivedAt === null
      ? []
      : [
          {
            ...row,
            latestEventId,
            latestReceivedAt: latestReceivedAt.toISOString(),
            unknownSku: unknownSkuFromError(row.reason)?.sku ?? null,
          },
        ],
  );
}
