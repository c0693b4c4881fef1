import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { jobRuns } from '@/lib/db/schema';

/** Runs per job on the duration chart. */
export const DURATION_CHART_RUNS = 60;

export type DurationPoint = { runId: number; startedAt: string; durationMs: number; status: 'succeeded' | 'failed' };
export type DurationSeries = { job: string; points: DurationPoint[] };

/** The latest finished runs of each job, oldest first, for the duration chart. */
export async function jobDurationSeries(db: DbOrTx, tenantId: number, jobNames: readonly string[]): Promise<DurationSeries[]> {
  return Promise.all(
    jobNames.map(async (job) => {
      const rows = await db
        .select({ id: jobRuns.id, startedAt: jobRuns.startedAt, durationMs: jobRuns.durationMs, status: jobRuns.status })
        .from(jobRuns)
        .where(
          and(
            eq(jobRuns.tenantId, tenantId),
            eq(jobRuns.job, job),
            inArray(jobRuns.status, ['succeeded', 'failed']),
            isNotNull(jobRuns.durationMs),
          ),
        )
        .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
        .limit(DURATION_CHART_RUNS);
      const points = rows.reverse().map((r) => ({
        runId: r.id,
        startedAt: r.startedAt.toISOString(),
        durationMs: r.durationMs ?? 0,
        status: r.status === 'failed' ? ('failed' as const) : ('succeeded' as const),
      }));
      return { job, points };
    }),
  );
}
