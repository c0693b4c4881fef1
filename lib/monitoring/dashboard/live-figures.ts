import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { selectRows } from '@/lib/orders/raw-sql';
import { utcDateSchema } from '../database-time';
import type { RangeWindow } from './range';

export type LiveFigures = {
  /** Events waiting to be applied (pending or failed and due again) and dead, per marketplace, as the rollup job last counted them. */
  queue: Array<{ marketplace: string; pending: number; failed: number; dead: number }>;
  /** When the rollup job counted the queue; null before its first run. */
  queueCountedAt: string | null;
  queueDepth: number;
  deadLetters: number;
  /** Age of the oldest event still waiting, in ms; null when none waits. */
  oldestWaitingMs: number | null;
  /** Stock and price items waiting to be pushed (pending, or failed and due for a retry). */
  outboxDepth: number;
  /** Items in batches the marketplaces accepted within the window, per marketplace. */
  pushed: Array<{ marketplace: string; items: number; ok: number; failed: number }>;
  /** Circuit breakers that are not closed, and how many are. */
  circuits: Array<{ marketplace: string; state: 'open' | 'half_open'; since: string | null; lastErrorKind: string | null }>;
  closedCircuits: number;
};

const n = z.coerce.number();
const ids = (tenantIds: number[]) => sql.join(tenantIds.map((id) => sql`${id}`), sql`, `);

/** Figures that are true now rather than per minute: the queue as last counted, the rest read live, each through an index. */
export async function getLiveFigures(db: Db, tenantIds: number[], w: RangeWindow, now: Date): Promise<LiveFigures> {
  if (tenantIds.length === 0) {
    return { queue: [], queueCountedAt: null, queueDepth: 0, deadLetters: 0, oldestWaitingMs: null, outboxDepth: 0, pushed: [], circuits: [], closedCircuits: 0 };
  }
  const [queueRows, outboxRows, pushedRows, circuitRows] = await Promise.all([
    selectRows(
      db,
      sql`SELECT marketplace, SUM(pending) AS pending, SUM(failed) AS failed, SUM(dead) AS dead, MIN(oldest_waiting_at) AS oldest, MIN(computed_at) AS computed
          FROM msc_metric_queue_state WHERE tenant_id IN (${ids(tenantIds)}) GROUP BY marketplace ORDER BY marketplace`,
      z.object({ marketplace: z.string(), pending: n, failed: n, dead: n, oldest: utcDateSchema.nullable(), computed: utcDateSchema }),
    ),
    selectRows(
      db,
      sql`SELECT COUNT(*) AS c FROM msc_sync_outbox WHERE tenant_id IN (${ids(tenantIds)}) AND status IN ('pending', 'failed') AND open_slot = 1`,
      z.object({ c: n }),
    ),
    selectRows(
      db,
      sql`SELECT a.marketplace, SUM(b.item_count) AS items, SUM(b.ok_count) AS ok, SUM(b.failed_count) AS failed
          FROM msc_sync_batch b JOIN msc_marketplace_account a ON a.id = b.account_id
          WHERE b.tenant_id IN (${ids(tenantIds)}) AND b.created_at >= ${w.from} AND b.created_at < ${w.to} AND b.status IN ('sent', 'done')
          GROUP BY a.marketplace ORDER BY a.marketplace`,
      z.object({ marketplace: z.string(), items: n, ok: n, failed: n }),
    ),
    selectRows(
      db,
      sql`SELECT marketplace, state, opened_at, last_error_kind FROM msc_circuit_breaker WHERE tenant_id IN (${ids(tenantIds)})`,
      z.object({ marketplace: z.string(), state: z.enum(['closed', 'open', 'half_open']), opened_at: utcDateSchema.nullable(), last_error_kind: z.string().nullable() }),
    ),
  ]);
  const queue = queueRows.map(({ marketplace, pending, failed, dead }) => ({ marketplace, pending, failed, dead }));
  const oldest = queueRows.reduce<Date | null>((min, r) => (r.oldest && (!min || r.oldest < min) ? r.oldest : min), null);
  const computed = queueRows.reduce<Date | null>((min, r) => (!min || r.computed < min ? r.computed : min), null);
  return {
    queue,
    queueCountedAt: computed?.toISOString() ?? null,
    queueDepth: queue.reduce((s, q) => s + q.pending + q.failed, 0),
    deadLetters: queue.reduce((s, q) => s + q.dead, 0),
    oldestWaitingMs: oldest ? Math.max(0, now.getTime() - oldest.getTime()) : null,
    outboxDepth: outboxRows[0]?.c ?? 0,
    pushed: pushedRows,
    circuits: circuitRows
      .filter((r): r is typeof r & { state: 'open' | 'half_open' } => r.state !== 'closed')
      .map((r) => ({ marketplace: r.marketplace, state: r.state, since: r.opened_at?.toISOString() ?? null, lastErrorKind: r.last_error_kind })),
    closedCircuits: circuitRows.filter((r) => r.state === 'closed').length,
  };
}
