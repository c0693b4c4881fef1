import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { selectRows } from '@/lib/orders/raw-sql';
import { stepStarts, type RangeWindow } from './range';

export type ApiPoint = { t: string; calls: number; errors: number; rateLimited: number };
export type ApiFigures = {
  points: ApiPoint[];
  byMarketplace: Array<{ marketplace: string; calls: number; errors: number; rateLimited: number; avgMs: number | null }>;
};

const n = z.coerce.number();
const rowSchema = z.object({ step: n, marketplace: z.string(), calls: n, errors: n, rate_limited: n, duration_ms_sum: n });

/** Outbound marketplace API attempts per step, errors and 429s, from the rollup rows only. */
export async function getApiFigures(db: Db, tenantIds: number[], w: RangeWindow): Promise<ApiFigures> {
  const rows = tenantIds.length
    ? await selectRows(
        db,
        sql`SELECT FLOOR(TIMESTAMPDIFF(SECOND, ${w.from}, bucket_start) / ${w.stepMs / 1000}) AS step, marketplace,
              SUM(calls) AS calls, SUM(errors) AS errors, SUM(rate_limited) AS rate_limited, SUM(duration_ms_sum) AS duration_ms_sum
            FROM msc_metric_api_rollup
            WHERE tenant_id IN (${sql.join(tenantIds.map((id) => sql`${id}`), sql`, `)}) AND grain = ${w.grain}
              AND bucket_start >= ${w.from} AND bucket_start < ${w.to}
            GROUP BY step, marketplace`,
        rowSchema,
      )
    : [];
  const starts = stepStarts(w);
  const points = starts.map((s) => ({ t: s.toISOString(), calls: 0, errors: 0, rateLimited: 0 }));
  const per = new Map<string, { calls: number; errors: number; rateLimited: number; ms: number }>();
  for (const r of rows) {
    const p = points[r.step];
    if (!p) continue;
    p.calls += r.calls;
    p.errors += r.errors;
    p.rateLimited += r.rate_limited;
    const m = per.get(r.marketplace) ?? { calls: 0, errors: 0, rateLimited: 0, ms: 0 };
    m.calls += r.calls;
    m.errors += r.errors;
    m.rateLimited += r.rate_limited;
    m.ms += r.duration_ms_sum;
    per.set(r.marketplace, m);
  }
  const byMarketplace = [...per.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([marketplace, m]) => ({ marketplace, calls: m.calls, errors: m.errors, rateLimited: m.rateLimited, avgMs: m.calls ? Math.round(m.ms / m.calls) : null }));
  return { points, byMarketplace };
}
