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
  // The newest run per tenant and job through the (tenant, job, started_at) index; the steps from the rollups.
  const [latestPerTenant, steps] = await Promise.all([
    Promise.all(
      tenantIds.flatMap((tenantId) =>
        jobNames.map((job) =>
          selectRows(
            db,
            sql`SELECT job, status, started_at, duration_ms FROM msc_job_run
                WHERE tenant_id = ${tenantId} AND job = ${job} AND status <> 'skipped' ORDER BY started_at DESC, id DESC LIMIT 1`,
            z.object({ job: z.string(), status: z.string(), started_at: utcDateSchema, duration_ms: n.nullable() }),
          ),
        ),
      ),
    ),
    selectRows(
      db,
      sql`SELECT job, FLOOR(TIMESTAMPDIFF(SECOND, ${w.from}, bucket_start) / ${w.stepMs / 1000}) AS step,
            SUM(runs) AS runs, SUM(failures) AS failures, SUM(duration_ms_sum) AS ms, SUM(finished) AS finished, MAX(duration_ms_max) AS max_ms
          FROM msc_metric_job_rollup WHERE tenant_id IN (${ids}) AND grain = ${w.grain} AND bucket_start >= ${w.from} AND bucket_start < ${w.to}
          GROUP BY job, step`,
      z.object({ job: z.string(), step: n, runs: n, failures: n, ms: n, finished: n, max_ms: n.nullable() }),
    ),
  ]);
  const latest = latestPerTenant.flat().sort((a, b) => a.started_at.getTime() - b.started_at.getTime());
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
