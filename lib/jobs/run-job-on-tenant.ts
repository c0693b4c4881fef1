import { hostname } from 'node:os';
import type { Db } from '@/lib/db/pool';
import type { Tenant } from '@/lib/db/schema';
import { openTenantDb } from '@/lib/tenants/tenant-db';
import { describeFailure } from './describe-failure';
import { JobLock, jobLockName } from './job-lock';
import { finishRun, markAbandonedRuns, pruneOldRuns, recordSkippedRun, startRun, writeRunProgress } from './job-run-records';
import { oneOffSlot, type JobSlot } from './job-slot';
import type { JobContext, JobCounts, JobDefinition, JobResult, JobTrigger } from './types';

/** A long run's counts are written to its row at most this often. */
export const PROGRESS_WRITE_INTERVAL_MS = 2_000;
const WORKER_MAX_CHARS = 64;
const REQUESTED_BY_MAX_CHARS = 64;

/** What became of one tenant's run; the cron route and the CLI answer a list of these. */
export type TenantRunOutcome =
  | { tenant: string; status: 'succeeded' | 'failed'; runId: number; counts: JobCounts; more: boolean }
  /** Another run of the job held the tenant's lock. */
  | { tenant: string; skipped: 'running' }
  /** This cron slot was already answered (a second delivery of one scheduled call). */
  | { tenant: string; skipped: 'duplicate'; runId: number }
  /** Earlier tenants of the same call used up its time; the next call reaches this one. */
  | { tenant: string; skipped: 'budget' };

export type RunJobOnTenantInput = {
  /** The main database (msc_job_run and the other companion tables). */
  db: Db;
  mainDatabaseUrl: string;
  job: JobDefinition;
  tenant: Tenant;
  trigger: JobTrigger;
  requestedBy: string;
  /** A cron call's slot; other triggers get one of their own. */
  slot: JobSlot | null;
  budgetMs: number;
  /** The sealing key, read only by jobs that open account secrets (so a missing key fails only them). */
  encryptionKey: () => Buffer;
  /** Aborting asks the job to stop at its next step (the CLI does on SIGINT/SIGTERM). */
  signal?: AbortSignal;
};

const workerName = () => `${hostname()}:${process.pid}`.slice(0, WORKER_MAX_CHARS);

/**
 * One run of a job on one tenant, at most one at a time per job and tenant across every process and
 * machine: the GET_LOCK is held on its own connection for the whole run. With the lock, runs a dead
 * process left 'running' are marked abandoned, the run's row is written (a duplicate cron slot stops
 * here), and the job runs until done or until `shouldStop()` turns true at the deadline. The runner
 * never interrupts a job: it only tells it the time is up. A job's error fails the run and is stored;
 * an error of the runner's own (the main database gone) is thrown.
 */
export async function runJobOnTenant(input: RunJobOnTenantInput): Promise<TenantRunOutcome> {
  const { db, job, tenant } = input;
  const row = {
    job: job.name,
    tenantId: tenant.id,
    triggeredBy: input.trigger,
    requestedBy: input.requestedBy.slice(0, REQUESTED_BY_MAX_CHARS),
    slot: input.slot?.key ?? oneOffSlot(input.trigger),
    scheduledFor: input.slot?.scheduledFor ?? null,
    budgetMs: input.budgetMs,
    worker: workerName(),
  };
  const lock = await JobLock.tryAcquire(input.mainDatabaseUrl, jobLockName(input.mainDatabaseUrl, job.name, tenant.id));
  if (!lock) {
    await recordSkippedRun(db, { ...row, slot: oneOffSlot('skipped') });
    return { tenant: tenant.slug, skipped: 'running' };
  }
  try {
    const abandoned = await markAbandonedRuns(db, job.name, tenant.id);
    if (abandoned > 0) console.warn(`jobs: ${job.name} on ${tenant.slug}: ${abandoned} run(s) left running by a dead process marked abandoned`);
    const started = await startRun(db, row);
    if ('duplicateOf' in started) return { tenant: tenant.slug, skipped: 'duplicate', runId: started.duplicateOf };
    const outcome = await execute(input, started.runId, lock);
    await pruneOldRuns(db, job.name, tenant.id);
    return outcome;
  } finally {
    await lock.release();
  }
}

async function execute(input: RunJobOnTenantInput, runId: number, lock: JobLock): Promise<TenantRunOutcome> {
  const { db, job, tenant } = input;
  const started = performance.now();
  const deadline = Date.now() + input.budgetMs;
  let latestCounts: JobCounts = {};
  let lastProgressWrite = Number.NEGATIVE_INFINITY;
  const ctx: JobContext = {
    tenant: openTenantDb(tenant, input.mainDatabaseUrl, input.encryptionKey),
    mainDb: db,
    mainDatabaseUrl: input.mainDatabaseUrl,
    get key() {
      return input.encryptionKey();
    },
    runId,
    trigger: input.trigger,
    deadline,
    shouldStop: () => Date.now() >= deadline || lock.lost || input.signal?.aborted === true,
    reportProgress: async (counts) => {
      latestCounts = { ...counts };
      if (performance.now() - lastProgressWrite < PROGRESS_WRITE_INTERVAL_MS) return;
      lastProgressWrite = performance.now();
      await writeRunProgress(db, runId, latestCounts);
    },
  };
  const elapsedMs = () => Math.round(performance.now() - started);

  let result: JobResult;
  try {
    result = await job.run(ctx);
  } catch (err) {
    console.error(`jobs: ${job.name} on ${tenant.slug} failed (run ${runId})`, err);
    await finishRun(db, runId, { status: 'failed', counts: latestCounts, more: false, error: describeFailure(err), durationMs: elapsedMs() });
    return { tenant: tenant.slug, status: 'failed', runId, counts: latestCounts, more: false };
  }
  const more = result.more ?? false;
  await finishRun(db, runId, { status: 'succeeded', counts: result.counts, more, error: null, durationMs: elapsedMs() });
  return { tenant: tenant.slug, status: 'succeeded', runId, counts: result.counts, more };
}
