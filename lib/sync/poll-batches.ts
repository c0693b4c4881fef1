import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Transaction } from '@/lib/db/pool';
import { syncBatches, syncOutbox, type SyncBatch, type SyncOutboxItem } from '@/lib/db/schema';
import type { BatchItemResult, BatchStatus, MarketplaceClient } from '@/lib/marketplaces/outbound/types';
import { describeFailure, isDeferringFailure } from './marketplace-failure';
import { reopenItems, type ReopenItem } from './reopen-items';
import { BATCH_RESULT_TTL_MS } from './sync-timing';

/** Batches asked about per account and run; older ones first, the rest next run. */
export const POLL_BATCH_LIMIT = 100;

export type PollInput = { tenantId: number; accountId: number; clock: () => Date; shouldStop: () => boolean };
export type PollResult = { polled: number; confirmed: number; failed: number; stopped?: string };

const NO_RESULT_REASON = 'The marketplace did not report this item in its batch result.';
const refusedReason = (reason: string | undefined) => reason?.trim() || 'Refused by the marketplace (no reason given).';
const expiredReason = (hours: number) => `No batch result within ${hours} hours; the item was queued again.`;

/**
 * A batch's per-item result, in one transaction that holds the batch row: an item the marketplace
 * took is confirmed and becomes the listing's confirmed state (unless a newer item was confirmed
 * first); a refused one goes back to the queue with the marketplace's reason and a backoff. Results
 * are matched by SKU exactly, else without regard to case (the link's collation).
 */
async function applyBatchResult(
  db: Db,
  batch: SyncBatch,
  results: readonly BatchItemResult[],
  now: Date,
): Promise<{ confirmed: number; failed: number }> {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: syncBatches.status })
      .from(syncBatches)
      .where(eq(syncBatches.id, batch.id))
      .for('update');
    if (locked?.status !== 'sent') return { confirmed: 0, failed: 0 };
    const items = await tx
      .select()
      .from(syncOutbox)
      .where(and(eq(syncOutbox.batchId, batch.id), eq(syncOutbox.status, 'sent')))
      .orderBy(asc(syncOutbox.id))
      .for('update');
    const exact = new Map(results.map((r) => [r.sku, r]));
    const folded = new Map(results.map((r) => [r.sku.toLocaleLowerCase('tr'), r]));
    const ok: SyncOutboxItem[] = [];
    const refused: ReopenItem[] = [];
    for (const item of items) {
      const result = exact.get(item.marketplaceSku) ?? folded.get(item.marketplaceSku.toLocaleLowerCase('tr'));
      if (result?.ok) ok.push(item);
      else refused.push({ id: item.id, attempts: item.attempts, reason: result ? refusedReason(result.reason) : NO_RESULT_REASON });
    }
    await confirmItems(tx, batch, ok, now);
    await reopenItems(tx, refused, { as: 'failed', now });
    await tx
      .update(syncBatches)
      .set({
        status: 'done',
        okCount: ok.length,
        failedCount: refused.length,
        pollCount: sql`${syncBatches.pollCount} + 1`,
        polledAt: now,
        finishedAt: now,
      })
      .where(eq(syncBatches.id, batch.id));
    return { confirmed: ok.length, failed: refused.length };
  });
}

/**
 * Confirmed items and the listings' confirmed state. The state only moves forward: a batch answered
 * late never overwrites what a newer item confirmed. Each assignment reads the row's old
 * confirmed_outbox_id, which is therefore assigned last (MySQL assigns left to right).
 */
async function confirmItems(tx: Transaction, batch: SyncBatch, items: readonly SyncOutboxItem[], now: Date) {
  if (items.length === 0) return;
  await tx
    .update(syncOutbox)
    .set({ status: 'confirmed', lastError: null, finishedAt: now, updatedAt: now })
    .where(inArray(syncOutbox.id, items.map((item) => item.id)));
  const rows = sql.join(
    items.map(
      (item) =>
        sql`(${batch.tenantId}, ${batch.accountId}, ${item.marketplaceSku}, ${item.quantity}, ${item.price}, ${item.listPrice}, ${now}, ${item.id})`,
    ),
    sql`, `,
  );
  const newer = sql.raw('(confirmed_outbox_id IS NULL OR confirmed_outbox_id < VALUES(confirmed_outbox_id))');
  await tx.execute(sql`
    INSERT INTO msc_sync_state
      (tenant_id, account_id, marketplace_sku, confirmed_quantity, confirmed_price, confirmed_list_price, confirmed_at, confirmed_outbox_id)
    VALUES ${rows}
    ON DUPLICATE KEY UPDATE
      confirmed_quantity = IF(${newer}, VALUES(confirmed_quantity), confirmed_quantity),
      confirmed_price = IF(${newer}, VALUES(confirmed_price), confirmed_price),
      confirmed_list_price = IF(${newer}, VALUES(confirmed_list_price), confirmed_list_price),
      confirmed_at = IF(${newer}, VALUES(confirmed_at), confirmed_at),
      approved_price = IF(${newer} AND approved_price = VALUES(confirmed_price), NULL, approved_price),
      confirmed_outbox_id = IF(${newer}, VALUES(confirmed_outbox_id), confirmed_outbox_id)`);
}

/** A batch without a result for longer than the marketplace keeps one: its items go out again. */
async function expireBatch(db: Db, batch: SyncBatch, now: Date): Promise<number> {
  const reason = expiredReason(BATCH_RESULT_TTL_MS / 3_600_000);
  return db.transaction(async (tx) => {
    const items = await tx
      .select({ id: syncOutbox.id, attempts: syncOutbox.attempts })
      .from(syncOutbox)
      .where(and(eq(syncOutbox.batchId, batch.id), eq(syncOutbox.status, 'sent')))
      .for('update');
    await reopenItems(tx, items.map((item) => ({ ...item, reason })), { as: 'failed', now });
    await tx
      .update(syncBatches)
      .set({ status: 'expired', error: reason, failedCount: items.length, finishedAt: now })
      .where(and(eq(syncBatches.id, batch.id), eq(syncBatches.status, 'sent')));
    return items.length;
  });
}

/**
 * Asks the marketplace about an account's sent batches, oldest first. A rate limit or an open
 * circuit ends the polling of the account for this run; any other error is noted on the batch and
 * the next batch is asked.
 */
export async function pollSentBatches(db: Db, client: MarketplaceClient, input: PollInput): Promise<PollResult> {
  const result: PollResult = { polled: 0, confirmed: 0, failed: 0 };
  const batches = await db
    .select()
    .from(syncBatches)
    .where(and(eq(syncBatches.accountId, input.accountId), eq(syncBatches.status, 'sent')))
    .orderBy(asc(syncBatches.id))
    .limit(POLL_BATCH_LIMIT);
  for (const batch of batches) {
    if (input.shouldStop()) break;
    if (!batch.marketplaceBatchId) continue;
    let status: BatchStatus;
    let pollError: string | undefined;
    try {
      status = await client.batchStatus(batch.marketplaceBatchId);
    } catch (err) {
      pollError = describeFailure(err);
      if (isDeferringFailure(err)) {
        result.stopped = pollError;
        break;
      }
      console.warn(`[sync] account ${input.accountId}: result of batch ${batch.id} could not be read: ${pollError}`);
      status = { state: 'pending' };
    }
    result.polled++;
    const now = input.clock();
    if (status.state === 'done') {
      const applied = await applyBatchResult(db, batch, status.items, now);
      result.confirmed += applied.confirmed;
      result.failed += applied.failed;
    } else if (batch.sentAt && now.getTime() - batch.sentAt.getTime() > BATCH_RESULT_TTL_MS) {
      result.failed += await expireBatch(db, batch, now);
    } else {
      await db
        .update(syncBatches)
        .set({ polledAt: now, pollCount: sql`${syncBatches.pollCount} + 1`, ...(pollError ? { error: pollError } : {}) })
        .where(eq(syncBatches.id, batch.id));
    }
  }
  return result;
}
