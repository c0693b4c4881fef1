import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { jobRuns, type JobRunStatus, type NewJobRun } from '@/lib/db/schema';
import type { JobCounts } from './types';

/** Runs older than this are deleted, a few at a time, by later runs of the same job and tenant. */
export const JOB_RUN_RETENTION_DAYS = 30;
const PRUNE_BATCH_ROWS = 500;
const ER_DUP_ENTRY = 1062;
export const ABANDONED_RUN_ERROR = 'The process running it stopped before finishing (its lock was released); the next run picked up the work.';

function isDuplicateKey(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if ((e as { errno?: unknown }).errno === ER_DUP_ENTRY) return true;
  }
  return false;
}

/**
 * Runs of this job and tenant still marked running. Called only by the holder of the job's lock, so
 * no live run can be among them: each one's process died, and its work is left to this run.
 */
export async function markAbandonedRuns(db: Db, job: string, tenantId: number): Promise<number> {
  const [header] = await db
    .update(jobRuns)
    .set({ status: 'abandoned', finishedAt: sql`UTC_TIMESTAMP(3)`, error: ABANDONED_RUN_ERROR })
    .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.job, job), eq(jobRuns.status, 'running')));
  return header.affectedRows;
}

type RunStart = Pick<NewJobRun, 'job' | 'tenantId' | 'triggeredBy' | 'requestedBy' | 'slot' | 'scheduledFor' | 'budgetMs' | 'worker'>;

/** The run's row, or the id of the run that already answered this slot (a duplicate cron delivery). */
export async function startRun(db: Db, run: RunStart): Promise<{ runId: number } | { duplicateOf: number }> {
  try {
    const [row] = await db
      .insert(jobRuns)
      .values({ ...run, status: 'running', startedAt: sql`UTC_TIMESTAMP(3)`, counts: {} })
      .$returningId();
    if (!row) throw new Error('The job run row was not created');
    return { runId: row.id };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const [existing] = await db
      .select({ id: jobRuns.id })
      .from(jobRuns)
      .where(and(eq(jobRuns.job, run.job), eq(jobRuns.tenantId, run.tenantId), eq(jobRuns.slot, run.slot)));
    if (!existing) throw err;
    return { duplicateOf: existing.id };
  }
}

/** An attempt that found the job already running: kept in the history, so overlapping schedules show. */
export async function recordSkippedRun(db: Db, run: RunStart): Promise<number> {
  const [row] = await db
    .insert(jobRuns)
    .values({
      ...run,
      status: 'skipped',
      startedAt: sql`UTC_TIMESTAMP(3)`,
      finishedAt: sql`UTC_TIMESTAMP(3)`,
      durationMs: 0,
      counts: {},
      error: 'Another run of this job was still working on this shop.',
    })
    .$returningId();
  if (!row) throw new Error('The skipped job run row was not created');
  return row.id;
}

/** Counts so far; a no-op once the run has finished (a late write cannot undo the final counts). */
export async function writeRunProgress(db: Db, runId: number, counts: JobCounts): Promise<void> {
  await db.update(jobRuns).set({ counts }).where(and(eq(jobRuns.id, runId), eq(jobRuns.status, 'running')));
}

export type RunEnd = {
  status: Extract<JobRunStatus, 'succeeded' | 'failed'>;
  counts: JobCounts;
  more: boolean;
  error: string | null;
  durationMs: number;
};

export async function finishRun(db: Db, runId: number, end: RunEnd): Promise<void> {
  await db
    .update(jobRuns)
    .set({ ...end, finishedAt: sql`UTC_TIMESTAMP(3)` })
    .where(eq(jobRuns.id, runId));
}

/** Deletes a batch of this job and tenant's runs past the retention, so the table stays bounded. */
export async function pruneOldRuns(db: Db, job: string, tenantId: number): Promise<void> {
  await db
    .delete(jobRuns)
    .where(
      and(
        eq(jobRuns.tenantId, tenantId),
        eq(jobRuns.job, job),
        lt(jobRuns.startedAt, sql`UTC_TIMESTAMP(3) - INTERVAL ${JOB_RUN_RETENTION_DAYS} DAY`),
      ),
    )
    .limit(PRUNE_BATCH_ROWS);
}
