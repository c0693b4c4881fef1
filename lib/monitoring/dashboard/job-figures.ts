import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { selectRows } from '@/lib/orders/raw-sql';
import { utcDateSchema } from '../database-time';
import { stepStarts, type RangeWindow } from './range';

export type JobFigures = {
  /** Per job: the newest run (of any tenant in view) and the window's runs, failures and durations. */
  jobs: Array<{
    job: string;
    last: { status: string; startedAt: string; durationMs: number | null } | null;
    runs: number;
    failures: number;
    avgMs: number | null;
    maxMs: number | null;
  }>;
  /** Average duration of finished runs per step and job, ms. */
  points: Array<{ t: string; byJob: Record<string, number> }>;
};

const n = z.coerce.number();

export async function getJobFigures(db: Db, tenantIds: number[], jobNames: readonly string[], w: RangeWindow): Promise<JobFigures> {
  const starts = stepStarts(w);
  if (tenantIds.length === 0) return { jobs: jobNames.map((job) => ({ job, last: null, runs: 0, failures: 0, avgMs: null, maxMs: null })), points: starts.map((s) => ({ t: s.toISOString(), byJob: {} })) };
  const ids = sql.join(tenantIds.map((id) => sql`${id}`), sql`, `);
  const [latest, steps] = await Promise.all([
    selectRows(
      db,
      sql`SELECT r.job, r.status, r.started_at, r.duration_ms FROM msc_job_run r
          JOIN (SELECT MAX(id) AS id FROM msc_job_run WHERE tenant_id IN (${ids}) AND status <> 'skipped' GROUP BY tenant_id, job) m ON m.id = r.id
          ORDER BY r.started_at`,
      z.object({ job: z.string(), status: z.string(), started_at: utcDateSchema, duration_ms: n.nullable() }),
    ),
    selectRows(
      db,
      sql`SELECT job, FLOOR(TIMESTAMPDIFF(SECOND, ${w.from}, started_at) / ${w.stepMs / 1000}) AS step,
            COUNT(*) AS runs, SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failures,
            SUM(CASE WHEN status IN ('succeeded', 'failed') THEN duration_ms ELSE 0 END) AS ms,
            SUM(CASE WHEN status IN ('succeeded', 'failed') THEN 1 ELSE 0 END) AS finished,
            MAX(duration_ms) AS max_ms
          FROM msc_job_run WHERE tenant_id IN (${ids}) AND started_at >= ${w.from} AND started_at < ${w.to} AND status <> 'skipped'
          GROUP BY job, step`,
      z.object({ job: z.string(), step: n, runs: n, failures: n, ms: n, finished: n, max_ms: n.nullable() }),
    ),
  ]);
  const points = starts.map((s) => ({ t: s.toISOString(), byJob: {} as Record<string, number> }));
  const per = new Map<string, { runs: number; failures: number; ms: number; finished: number; max: number | null }>();
  for (const r of steps) {
    const p = points[r.step];
    if (p && r.finished > 0) p.byJob[r.job] = Math.round(r.ms / r.finished);
    const j = per.get(r.job) ?? { runs: 0, failures: 0, ms: 0, finished: 0, max: null };
    j.runs += r.runs;
    j.failures += r.failures;
    j.ms += r.ms;
    j.finished += r.finished;
    if (r.max_ms !== null) j.max = Math.max(j.max ?? 0, r.max_ms);
    per.set(r.job, j);
  }
  const lastByJob = new Map(latest.map((r) => [r.job, r]));
  return {
    jobs: jobNames.map((job) => {
      const l = lastByJob.get(job);
      const j = per.get(job);
      return {
        job,
        last: l ? { status: l.status, startedAt: l.started_at.toISOString(), durationMs: l.duration_ms } : null,
        runs: j?.runs ?? 0,
        failures: j?.failures ?? 0,
        avgMs: j && j.finished ? Math.round(j.ms / j.finished) : null,
        maxMs: j?.max ?? null,
      };
    }),
    points,
  };
}
