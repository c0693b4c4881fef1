import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { selectRows } from '@/lib/orders/raw-sql';
import { INGEST_BUCKET_BOUNDS_MS, LAG_BUCKET_BOUNDS_MS, percentileFromBuckets } from '../buckets';
import { stepStarts, type RangeWindow } from './range';

/** A percentile as the upper bound of its histogram bucket; `above` when it is past the last finite bound. */
export type BucketPercentile = { ms: number; above: boolean } | null;
export type Percentiles = { p50: BucketPercentile; p95: BucketPercentile; p99: BucketPercentile };

export type WebhookPoint = {
  t: string;
  received: number;
  /** Events received per marketplace in this step. */
  byMarketplace: Record<string, number>;
  deliveries: number;
  applied: number;
  dead: number;
  retries: number;
  ingest: Percentiles;
  lag: Percentiles;
};

export type WebhookFigures = {
  points: WebhookPoint[];
  totals: Omit<WebhookPoint, 't' | 'byMarketplace'> & { byMarketplace: Record<string, number>; ingestMsSum: number; lagMsSum: number };
};

const ING = INGEST_BUCKET_BOUNDS_MS.map((_, i) => `ingest_b${i}`);
const LAG = LAG_BUCKET_BOUNDS_MS.map((_, i) => `lag_b${i}`);
const n = z.coerce.number();
const rowSchema = z.object({ step: n, marketplace: z.string(), received: n, deliveries: n, applied: n, dead: n, retries: n, ingest_ms_sum: n, lag_ms_sum: n }).catchall(n);

function percentiles(bounds: readonly number[], counts: number[]): Percentiles {
  const at = (p: number): BucketPercentile => {
    const v = percentileFromBuckets(bounds, counts, p);
    if (v === null) return null;
    return Number.isFinite(v) ? { ms: v, above: false } : { ms: bounds[bounds.length - 2]!, above: true };
  };
  return { p50: at(50), p95: at(95), p99: at(99) };
}

/** Webhook traffic of the tenants per step of the window, from the rollup rows only. */
export async function getWebhookFigures(db: Db, tenantIds: number[], w: RangeWindow): Promise<WebhookFigures> {
  const stepSeconds = w.stepMs / 1000;
  const sums = ['received', 'deliveries', 'applied', 'dead', 'retries', 'ingest_ms_sum', 'lag_ms_sum', ...ING, ...LAG].map((c) => `SUM(${c}) AS ${c}`).join(', ');
  const rows = tenantIds.length
    ? await selectRows(
        db,
        sql`SELECT FLOOR(TIMESTAMPDIFF(SECOND, ${w.from}, bucket_start) / ${stepSeconds}) AS step, marketplace, ${sql.raw(sums)}
            FROM msc_metric_webhook_rollup
            WHERE tenant_id IN (${sql.join(tenantIds.map((id) => sql`${id}`), sql`, `)}) AND grain = ${w.grain}
              AND bucket_start >= ${w.from} AND bucket_start < ${w.to}
            GROUP BY step, marketplace`,
        rowSchema,
      )
    : [];
  const starts = stepStarts(w);
  const acc = starts.map(() => ({ received: 0, deliveries: 0, applied: 0, dead: 0, retries: 0, byMarketplace: {} as Record<string, number>, ing: ING.map(() => 0), lag: LAG.map(() => 0) }));
  const total = { received: 0, deliveries: 0, applied: 0, dead: 0, retries: 0, ingestMsSum: 0, lagMsSum: 0, byMarketplace: {} as Record<string, number>, ing: ING.map(() => 0), lag: LAG.map(() => 0) };
  for (const r of rows) {
    const a = acc[r.step];
    if (!a) continue;
    for (const target of [a, total]) {
      target.received += r.received;
      target.deliveries += r.deliveries;
      target.applied += r.applied;
      target.dead += r.dead;
      target.retries += r.retries;
      target.byMarketplace[r.marketplace] = (target.byMarketplace[r.marketplace] ?? 0) + r.received;
      ING.forEach((c, i) => (target.ing[i]! += r[c] ?? 0));
      LAG.forEach((c, i) => (target.lag[i]! += r[c] ?? 0));
    }
    total.ingestMsSum += r.ingest_ms_sum;
    total.lagMsSum += r.lag_ms_sum;
  }
  const shape = (a: (typeof acc)[number]) => ({
    received: a.received,
    byMarketplace: a.byMarketplace,
    deliveries: a.deliveries,
    applied: a.applied,
    dead: a.dead,
    retries: a.retries,
    ingest: percentiles(INGEST_BUCKET_BOUNDS_MS, a.ing),
    lag: percentiles(LAG_BUCKET_BOUNDS_MS, a.lag),
  });
  return {
    points: acc.map((a, i) => ({ t: starts[i]!.toISOString(), ...shape(a) })),
    totals: { ...shape(total), ingestMsSum: total.ingestMsSum, lagMsSum: total.lagMsSum },
  };
}
