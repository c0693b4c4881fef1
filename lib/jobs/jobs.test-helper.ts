/** Shared set-up for the job runner's tests: a companion-only database and jobs whose pace the test controls. */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { jobRuns, tenants, type Tenant } from '@/lib/db/schema';
import { selectRows } from '@/lib/orders/raw-sql';
import type { JobContext, JobDefinition, JobResult } from './types';

export const NO_KEY = () => {
  throw new Error('APP_ENCRYPTION_KEY is not set');
};

export async function tenantBySlug(db: Db, slug: string): Promise<Tenant> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  if (!tenant) throw new Error(`No tenant ${slug}`);
  return tenant;
}

export async function runsOf(db: Db, job: string) {
  return db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(jobRuns.id);
}

export async function runRow(db: Db, id: number) {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.id, id));
  if (!row) throw new Error(`No job run ${id}`);
  return row;
}

export async function runningRows(db: Db, job: string, tenantId: number) {
  return db.select().from(jobRuns).where(and(eq(jobRuns.job, job), eq(jobRuns.tenantId, tenantId), eq(jobRuns.status, 'running')));
}

/** A promise with its resolve handle. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * A job that, once entered, waits for the test to open its gate: while it waits, the test knows a
 * run holds the lock. `entered` resolves with the run's context.
 */
export function gatedJob(name: string) {
  const entered = deferred<JobContext>();
  const gate = deferred();
  let calls = 0;
  const definition: JobDefinition = {
    name,
    title: { tr: name, en: name },
    budgetMs: 30_000,
    async run(ctx): Promise<JobResult> {
      calls += 1;
      await ctx.reportProgress?.({ waited: 1 });
      entered.resolve(ctx);
      await gate.promise;
      return { counts: { ran: 1 } };
    },
  };
  return { definition, entered: entered.promise, open: () => gate.resolve(), calls: () => calls };
}

/** A job that counts its calls and does nothing else. */
export function countingJob(name: string) {
  let calls = 0;
  const definition: JobDefinition = {
    name,
    title: { tr: name, en: name },
    budgetMs: 30_000,
    async run() {
      calls += 1;
      return { counts: { calls } };
    },
  };
  return { definition, calls: () => calls };
}

const secondsSchema = z.object({ s: z.coerce.number() });
const FRESH_MINUTE_LAST_SECOND = 45;

/**
 * Waits until the database's clock is early in a minute, so two calls made now fall in one cron slot
 * (the slot is the minute of the call) whatever the test's pace.
 */
export async function waitForFreshMinute(db: Db): Promise<void> {
  for (;;) {
    const [row] = await selectRows(db, sql`SELECT SECOND(UTC_TIMESTAMP()) AS s`, secondsSchema);
    if (row && row.s < FRESH_MINUTE_LAST_SECOND) return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
