import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { executeWrite } from '@/lib/orders/raw-sql';
import { MAX_SEND_ATTEMPTS, retryDelayMs } from './sync-timing';

const LAST_ERROR_MAX_CHARS = 2_000;

export type ReopenItem = { id: number; attempts: number; reason: string };

export type ReopenOptions = {
  /** 'failed' counts an attempt and backs off; 'pending' (rate limit, open circuit, expired claim) does neither. */
  as: 'failed' | 'pending';
  now: Date;
};

/** Items that found a newer change of their listing waiting and were closed instead. */
export type ReopenResult = { superseded: number };

const inList = (ids: readonly number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/**
 * Puts claimed or sent items back in the queue (the open slot of their listing). Where a newer change
 * of the same listing is already waiting there, that one carries the shop's latest values and the
 * returning item is superseded instead: UPDATE IGNORE skips exactly the rows whose listing's slot is
 * taken (MySQL and MariaDB both), and the second statement closes them.
 */
export async function reopenItems(db: DbOrTx, items: readonly ReopenItem[], options: ReopenOptions): Promise<ReopenResult> {
  if (items.length === 0) return { superseded: 0 };
  const { now } = options;
  const burn = options.as === 'failed';
  for (const [attempts, group] of groupBy(items, (item) => item.attempts)) {
    const nextAttempts = burn ? attempts + 1 : attempts;
    const gaveUp = burn && nextAttempts >= MAX_SEND_ATTEMPTS;
    const nextAttemptAt = gaveUp ? null : burn ? new Date(now.getTime() + retryDelayMs(nextAttempts)) : now;
    const reasons = sql.join(
      group.map((item) => sql`WHEN ${item.id} THEN ${item.reason.slice(0, LAST_ERROR_MAX_CHARS)}`),
      sql` `,
    );
    await db.execute(
      sql`UPDATE IGNORE msc_sync_outbox
          SET status = ${options.as}, open_slot = 1, attempts = ${nextAttempts}, next_attempt_at = ${nextAttemptAt},
              last_error = CASE id ${reasons} END, lease_until = NULL, updated_at = ${now}
          WHERE id IN (${inList(group.map((item) => item.id))}) AND status IN ('sending', 'sent')`,
    );
  }
  const superseded = await executeWrite(
    db,
    sql`UPDATE msc_sync_outbox SET status = 'superseded', open_slot = NULL, lease_until = NULL, finished_at = ${now}, updated_at = ${now}
        WHERE id IN (${inList(items.map((item) => item.id))}) AND status IN ('sending', 'sent')`,
  );
  return { superseded };
}
