import type { Db } from '@/lib/db/pool';
import type { TenantDb } from '@/lib/tenants/tenant-db';

/** Who started a run: a scheduler through the cron route, the command line, or an admin's "run now". */
export const JOB_TRIGGERS = ['cron', 'cli', 'manual'] as const;
export type JobTrigger = (typeof JOB_TRIGGERS)[number];

/** What a job gets for one run on one tenant. */
export type JobContext = {
  /** The tenant's OpenCart tables (its own database or the main one). */
  tenant: TenantDb;
  /** The main database: companion (msc_) tables of every tenant live here. */
  mainDb: Db;
  mainDatabaseUrl: string;
  /** Sealing key for account secrets (encryptionKeyFrom(APP_ENCRYPTION_KEY)). */
  key: Buffer;
  runId: number;
  trigger: JobTrigger;
  /** Epoch ms by which the run must have stopped cleanly; what is left continues next run. */
  deadline: number;
  /** True once the time budget is spent (or the run was asked to stop): finish the current step and return. */
  shouldStop(): boolean;
  /**
   * Stores the counts so far on the run's row, so the jobs page shows a long run's progress. Cheap to
   * call after every step: the runner writes at most every few seconds. Absent where no run row exists.
   */
  reportProgress?(counts: JobCounts): Promise<void>;
};

/** Counts a run reports (items pushed, events applied, …): shown on the jobs page and stored on the run. */
export type JobCounts = Record<string, number>;

export type JobResult = {
  counts: JobCounts;
  /** True when work was left for the next run (budget spent); the run is still a success. */
  more?: boolean;
};

export type JobDefinition = {
  name: string;
  /** Shown on the jobs page. */
  title: { tr: string; en: string };
  /** Default time budget per run, in ms (cron routes on serverless have about a minute). */
  budgetMs: number;
  /** Names for the keys of JobResult.counts on the jobs page; a key without one is shown as it is. */
  countLabels?: Record<string, { tr: string; en: string }>;
  run(ctx: JobContext): Promise<JobResult>;
};
