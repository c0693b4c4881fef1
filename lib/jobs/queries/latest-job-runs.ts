import { and, desc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { jobRuns } from '@/lib/db/schema';
import { toJobRunView, type JobRunView } from './job-run-view';

/**
 * Each job's latest run on a tenant (null before its first). Skipped attempts are left out: they did
 * no work, and the run they gave way to is the one worth showing.
 */
export async function latestJobRuns(db: DbOrTx, tenantId: number, jobNames: readonly string[]): Promise<Record<string, JobRunView | null>> {
  const latest = await Promise.all(
    jobNames.map(async (job) => {
      const [row] = await db
        .select()
        .from(jobRuns)
        .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.job, job), ne(jobRuns.status, 'skipped')))
        .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
        .limit(1);
      return [job, row ? toJobRunView(row) : null] as const;
    }),
  );
  return Object.fromEntries(latest);
}
