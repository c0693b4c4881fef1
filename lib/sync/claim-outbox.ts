import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { syncBatches, syncOutbox, type SyncOutboxItem } from '@/lib/db/schema';
import { reopenItems } from './reopen-items';
import { CLAIM_LEASE_MS } from './sync-timing';

/**
 * Due ids read per claimed slot. Runs that claim together read the same first ids; reading further
 * ahead lets each find rows the others have not locked.
 */
export const CLAIM_LOOKAHEAD = 4;

export type ClaimedBatch = { batchId: number; items: SyncOutboxItem[] };

const isDue = (accountId: number, now: Date) =>
  and(eq(syncOutbox.accountId, accountId), eq(syncOutbox.openSlot, 1), lte(syncOutbox.nextAttemptAt, now));

/**
 * Claims up to `limit` due items of one account for one push and records the batch they go into, in
 * one short READ COMMITTED transaction. The due ids are read first without locks; then they are
 * locked a slice at a time by primary key alone, with SKIP LOCKED, and checked for due-ness after
 * the lock. With the due conditions in the locking statement the server may scan the due index,
 * sort, and lock every due row it read, so a second run would skip all of them and claim nothing;
 * by primary key, a second run skips the first run's slice and takes the next. The claimed items
 * leave their listing's open slot, so a later change queues a new item behind them.
 */
export async function claimBatch(
  db: Db,
  input: { tenantId: number; accountId: number; limit: number; now: Date },
): Promise<ClaimedBatch | null> {
  const { accountId, limit, now } = input;
  const candidates = await db
    .select({ id: syncOutbox.id })
    .from(syncOutbox)
    .where(isDue(accountId, now))
    .orderBy(asc(syncOutbox.id))
    .limit(limit * CLAIM_LOOKAHEAD);
  if (candidates.length === 0) return null;

  return db.transaction(
    async (tx) => {
      const ids: number[] = [];
      for (let from = 0; from < candidates.length && ids.length < limit; from += limit) {
        const slice = candidates.slice(from, from + limit).map((c) => c.id);
        const locked = await tx
          .select({ id: syncOutbox.id, accountId: syncOutbox.accountId, openSlot: syncOutbox.openSlot, nextAttemptAt: syncOutbox.nextAttemptAt })
          .from(syncOutbox)
          .where(inArray(syncOutbox.id, slice))
          .for('update', { skipLocked: true });
        const due = locked
          .filter((row) => row.accountId === accountId && row.openSlot === 1 && row.nextAttemptAt !== null && row.nextAttemptAt <= now)
          .sort((a, b) => a.id - b.id);
        ids.push(...due.slice(0, limit - ids.length).map((row) => row.id));
      }
      if (ids.length === 0) return null;
      const [batch] = await tx
        .insert(syncBatches)
        .values({ tenantId: input.tenantId, accountId, status: 'sending', itemCount: ids.length, createdAt: now })
        .$returningId();
      if (!batch) throw new Error('The sync batch row was not created');
      await tx
        .update(syncOutbox)
        .set({ status: 'sending', openSlot: null, batchId: batch.id, leaseUntil: new Date(now.getTime() + CLAIM_LEASE_MS), updatedAt: now })
        .where(inArray(syncOutbox.id, ids));
      const items = await tx.select().from(syncOutbox).where(inArray(syncOutbox.id, ids)).orderBy(asc(syncOutbox.id));
      return { batchId: batch.id, items };
    },
    { isolationLevel: 'read committed' },
  );
}

const EXPIRED_CLAIM_REASON =
  'The run that claimed this item stopped before the marketplace accepted its batch; it was queued again.';

/**
 * Crash recovery: items still `sending` after their lease belong to a run that died between the claim
 * and storing the marketplace's batch id. They go back to the queue without counting an attempt,
 * and their batch is marked abandoned.
 */
export async function recoverExpiredClaims(db: Db, tenantId: number, now: Date): Promise<number> {
  const expired = await db
    .select({ id: syncOutbox.id, attempts: syncOutbox.attempts, batchId: syncOutbox.batchId })
    .from(syncOutbox)
    .where(and(eq(syncOutbox.tenantId, tenantId), eq(syncOutbox.status, 'sending'), lt(syncOutbox.leaseUntil, now)));
  if (expired.length > 0) {
    await db.transaction(async (tx) => {
      await reopenItems(
        tx,
        expired.map((item) => ({ id: item.id, attempts: item.attempts, reason: EXPIRED_CLAIM_REASON })),
        { as: 'pending', now },
      );
    });
  }
  await db
    .update(syncBatches)
    .set({ status: 'abandoned', error: EXPIRED_CLAIM_REASON, finishedAt: now })
    .where(
      and(
        eq(syncBatches.tenantId, tenantId),
        eq(syncBatches.status, 'sending'),
        lt(syncBatches.createdAt, new Date(now.getTime() - CLAIM_LEASE_MS)),
      ),
    );
  return expired.length;
}

/**
 * Stores the marketplace's id for a claimed batch, first thing after the push returns, and moves its
 * items to `sent`. Answers how many items were still this batch's: fewer than were pushed only when
 * the push outlived the claim's lease and another run took the items back.
 */
export async function recordBatchSent(db: Db, batchId: number, marketplaceBatchId: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx
      .update(syncBatches)
      .set({ marketplaceBatchId, status: sql`IF(status = 'sending', 'sent', status)`, sentAt: now })
      .where(eq(syncBatches.id, batchId));
    const [header] = await tx
      .update(syncOutbox)
      .set({ status: 'sent', sentAt: now, leaseUntil: null, updatedAt: now })
      .where(and(eq(syncOutbox.batchId, batchId), eq(syncOutbox.status, 'sending')));
    return header.affectedRows;
  });
}
