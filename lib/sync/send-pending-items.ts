import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { syncBatches, type SyncOutboxItem } from '@/lib/db/schema';
import type { MarketplaceClient, StockPriceItem } from '@/lib/marketplaces/outbound/types';
import { claimBatch, recordBatchSent } from './claim-outbox';
import { describeFailure, isDeferringFailure } from './marketplace-failure';
import { marketplacePriceText } from './marketplace-price';
import { reopenItems } from './reopen-items';

export type SendInput = {
  tenantId: number;
  accountId: number;
  clock: () => Date;
  shouldStop: () => boolean;
};

export type SendResult = {
  /** Items in batches the marketplace accepted. */
  sent: number;
  batches: number;
  /** Items of pushes the marketplace refused (they retry with backoff). */
  failed: number;
  /** Items put back by a rate limit or an open circuit (no attempt counted). */
  deferred: number;
  /** Set when the account was left early: the reason (its items wait for the next run). */
  stopped?: string;
};

export function toStockPriceItem(item: SyncOutboxItem): StockPriceItem {
  return {
    sku: item.marketplaceSku,
    quantity: item.quantity,
    price: marketplacePriceText(item.price),
    listPrice: marketplacePriceText(item.listPrice),
    currency: item.currency,
  };
}

/**
 * Sends an account's due items in as few pushes as the client allows: each claim takes up to
 * maxBatchSize items, and the batch id is stored before anything else happens. A push that fails
 * returns its items to the queue (see reopenItems) and ends the account's sending for this run: the
 * client has already retried, so the next try belongs to the next run.
 */
export async function sendPendingItems(db: Db, client: MarketplaceClient, input: SendInput): Promise<SendResult> {
  const result: SendResult = { sent: 0, batches: 0, failed: 0, deferred: 0 };
  while (!input.shouldStop()) {
    const claimed = await claimBatch(db, {
      tenantId: input.tenantId,
      accountId: input.accountId,
      limit: client.maxBatchSize,
      now: input.clock(),
    });
    if (!claimed) return result;
    let marketplaceBatchId: string;
    try {
      ({ batchId: marketplaceBatchId } = await client.pushStockAndPrice(claimed.items.map(toStockPriceItem)));
    } catch (err) {
      const deferred = isDeferringFailure(err);
      const reason = describeFailure(err);
      const now = input.clock();
      await db.transaction(async (tx) => {
        await reopenItems(
          tx,
          claimed.items.map((item) => ({ id: item.id, attempts: item.attempts, reason })),
          { as: deferred ? 'pending' : 'failed', now },
        );
        await tx.update(syncBatches).set({ status: 'failed', error: reason, finishedAt: now }).where(eq(syncBatches.id, claimed.batchId));
      });
      if (deferred) result.deferred += claimed.items.length;
      else result.failed += claimed.items.length;
      result.stopped = reason;
      if (!deferred) console.warn(`[sync] account ${input.accountId}: push of batch ${claimed.batchId} failed: ${reason}`);
      return result;
    }
    const stillOurs = await recordBatchSent(db, claimed.batchId, marketplaceBatchId, input.clock());
    if (stillOurs < claimed.items.length) {
      console.warn(
        `[sync] account ${input.accountId}: batch ${claimed.batchId} (${marketplaceBatchId}) was accepted after its claim expired; ` +
          `${claimed.items.length - stillOurs} of its items had been queued again`,
      );
    }
    result.sent += stillOurs;
    result.batches++;
  }
  return result;
}
