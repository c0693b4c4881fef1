import type { DbOrTx } from '@/lib/db/pool';
import { jobDurationSeries, type DurationSeries } from './job-duration-series';
import type { JobRunView } from './job-run-view';
import type { JobsPageQuery } from './jobs-page-query';
import { latestJobRuns } from './latest-job-runs';
import { listJobRuns, type JobRunPage } from './list-job-runs';

/** What the jobs page shows and its live refresh re-reads, for one tenant. */
export type JobsOverview = {
  latest: Record<string, JobRunView | null>;
  history: JobRunPage;
  /** The chosen job's durations, or every job's when none is chosen. */
  durations: DurationSeries[];
};

export async function getJobsOverview(
  db: DbOrTx,
  tenantId: number,
  jobNames: readonly string[],
  query: JobsPageQuery,
): Promise<JobsOverview> {
  const [latest, history, durations] = await Promise.all([
    latestJobRuns(db, tenantId, jobNames),
    listJobRuns(db, tenantId, query),
    jobDurationSeries(db, tenantId, query.job ? [query.job] : jobNames),
  ]);
  return { latest, history, durations };
}
