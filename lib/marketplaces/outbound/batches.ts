import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { outboundBatches } from '@/lib/db/schema';

const KEEP_BATCHES_MS = 7 * 24 * 60 * 60_000;

/** Remembers which SKUs a batch carried (its result may list only failures, by position). */
export async function recordBatch(db: Db, accountId: number, batchId: string, skus: readonly string[], now: number): Promise<void> {
  await db
    .insert(outboundBatches)
    .values({ accountId, batchId, skus: [...skus], createdAt: new Date(now) })
    .onDuplicateKeyUpdate({ set: { skus: [...skus] } });
  await db.delete(outboundBatches).where(lt(outboundBatches.createdAt, new Date(now - KEEP_BATCHES_MS))).limit(1000);
}

export async function batchSkus(db: Db, accountId: number, batchId: string): Promise<string[] | null> {
  const [row] = await db
    .select({ skus: outboundBatches.skus })
    .from(outboundBatches)
    .where(and(eq(outboundBatches.accountId, accountId), eq(outboundBatches.batchId, batchId)));
  return row?.skus ?? null;
}
