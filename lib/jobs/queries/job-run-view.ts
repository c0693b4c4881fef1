import { z } from 'zod';
import type { JobRun, JobRunStatus } from '@/lib/db/schema';
import type { JobCounts, JobTrigger } from '@/lib/jobs/types';

/** A run as the jobs page shows it: plain JSON, instants as ISO strings. */
export type JobRunView = {
  id: number;
  job: string;
  trigger: JobTrigger;
  requestedBy: string;
  status: JobRunStatus;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  counts: JobCounts;
  more: boolean;
  error: string | null;
};

const countsSchema = z.record(z.string(), z.number());

export function toJobRunView(run: JobRun): JobRunView {
  return {
    id: run.id,
    job: run.job,
    trigger: run.triggeredBy,
    requestedBy: run.requestedBy,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.durationMs,
    // Written only by the runner, but JSON from the database is checked before a page trusts it.
    counts: countsSchema.catch({}).parse(run.counts),
    more: run.more,
    error: run.error,
  };
}
