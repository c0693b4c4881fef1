import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { rollupWatermarks } from '@/lib/db/schema';
import { selectRows } from '@/lib/orders/raw-sql';
import { DAY_MS, MINUTE_MS, databaseNow, floorTo, utcDateSchema } from '../database-time';
import { countQueue } from './count-queue';
import { rollupRange } from './rollup-range';

/** Minutes before the watermark recomputed on every run: rows committed a moment after their timestamp, and events applied since, land there. */
export const ROLLUP_OVERLAP_MS = 5 * MINUTE_MS;
/** At most this much history per step, so a first run over months of rows makes steady progress within its budget. */
export const ROLLUP_STEP_MS = DAY_MS;

export type RollupProgress = { minutes: number; done: boolean };

async function earliestRow(db: Db, tenantId: number): Promise<Date | null> {
  const rows = await selectRows(
    db,
    sql`SELECT LEAST(
      COALESCE((SELECT MIN(received_at) FROM msc_webhook_event WHERE tenant_id = ${tenantId}), '9999-12-31'),
      COALESCE((SELECT MIN(created_at) FROM msc_marketplace_api_call WHERE tenant_id = ${tenantId}), '9999-12-31'),
      COALESCE((SELECT MIN(started_at) FROM msc_job_run WHERE tenant_id = ${tenantId}), '9999-12-31'),
      COALESCE((SELECT MIN((SELECT MIN(d.received_at) FROM msc_webhook_delivery d WHERE d.account_id = a.id)) FROM msc_marketplace_account a WHERE a.tenant_id = ${tenantId}), '9999-12-31')
    ) AS earliest`,
    z.object({ earliest: utcDateSchema }),
  );
  const earliest = rows[0]?.earliest;
  return earliest && earliest.getUTCFullYear() < 9999 ? earliest : null;
}

/**
 * Brings one tenant's rollups up to the current minute: from a little before the stored watermark
 * (or the tenant's first row) in steps of at most ROLLUP_STEP_MS, each step recomputing whole minutes
 * (rollup-range.ts). The current, unfinished minute is written too, and written again next run.
 * The webhook queue's counts are taken first (count-queue.ts).
 */
export async function rollupMetrics(db: Db, tenantId: number, shouldStop: () => boolean = () => false): Promise<RollupProgress> {
  const now = await databaseNow(db);
  const end = new Date(floorTo(now, MINUTE_MS).getTime() + MINUTE_MS);
  await countQueue(db, tenantId, now);
  const [mark] = await db.select().from(rollupWatermarks).where(eq(rollupWatermarks.tenantId, tenantId));
  const start = mark ? new Date(mark.rolledUntil.getTime() - ROLLUP_OVERLAP_MS) : await earliestRow(db, tenantId);
  if (!start) {
    await saveWatermark(db, tenantId, floorTo(now, MINUTE_MS));
    return { minutes: 0, done: true };
  }
  let from: Date = floorTo(start, MINUTE_MS);
  let minutes = 0;
  while (from < end) {
    const to: Date = new Date(Math.min(end.getTime(), from.getTime() + ROLLUP_STEP_MS));
    await rollupRange(db, tenantId, from, to);
    minutes += (to.getTime() - from.getTime()) / MINUTE_MS;
    // The watermark never passes the current minute: it is unfinished and must be recomputed.
    await saveWatermark(db, tenantId, new Date(Math.min(to.getTime(), floorTo(now, MINUTE_MS).getTime())));
    from = to;
    if (from < end && shouldStop()) return { minutes, done: false };
  }
  return { minutes, done: true };
}

async function saveWatermark(db: Db, tenantId: number, rolledUntil: Date) {
  await db
    .insert(rollupWatermarks)
    .values({ tenantId, rolledUntil })
    .onDuplicateKeyUpdate({ set: { rolledUntil, updatedAt: sql`CURRENT_TIMESTAMP(3)` } });
}
