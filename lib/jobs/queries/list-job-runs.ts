import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { jobRuns } from '@/lib/db/schema';
import { toJobRunView, type JobRunView } from './job-run-view';

export const JOB_RUNS_PAGE_SIZE = 20;

export type JobRunPage = { runs: JobRunView[]; total: number; page: number; pageCount: number; pageSize: number };

/** One page of a tenant's runs, newest first, of one job or all; a page past the end shows the last. */
export async function listJobRuns(db: DbOrTx, tenantId: number, filter: { job?: string; page: number }): Promise<JobRunPage> {
  const conditions: SQL[] = [eq(jobRuns.tenantId, tenantId)];
  if (filter.job) conditions.push(eq(jobRuns.job, filter.job));
  const where = and(...conditions);
  const [totals] = await db.select({ n: count() }).from(jobRuns).where(where);
  const total = totals?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / JOB_RUNS_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db
    .select()
    .from(jobRuns)
    .where(where)
    .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
    .limit(JOB_RUNS_PAGE_SIZE)
    .offset((page - 1) * JOB_RUNS_PAGE_SIZE);
  return { runs: rows.map(toJobRunView), total, page, pageCount, pageSize: JOB_RUNS_PAGE_SIZE };
}
