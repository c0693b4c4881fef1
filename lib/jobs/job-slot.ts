import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { selectRows } from '@/lib/orders/raw-sql';
import type { JobTrigger } from './types';

const MS_PER_MINUTE = 60_000;

/** Which scheduled call a run answers: the part of msc_job_run's unique key (job, tenant, slot). */
export type JobSlot = {
  key: string;
  /** The minute a cron call was for; null for runs that were not scheduled. */
  scheduledFor: Date | null;
};

const minuteSchema = z.object({
  now: z.union([z.date(), z.string().transform((text) => new Date(`${text.replace(' ', 'T')}Z`))]),
});

/**
 * A cron call's slot is the minute it arrived in, by the database's clock (every instance reads the
 * same clock; an app server's may drift). Schedulers do not say which scheduled time a call is for,
 * and none of our schedules is finer than a minute, so a second delivery of the same call (Vercel Cron
 * may deliver one event twice) lands in the same minute and becomes a no-op. A late duplicate in the
 * next minute runs again, which is safe: every job is idempotent and the lock keeps runs apart.
 */
export async function cronSlot(db: Db): Promise<JobSlot> {
  const [row] = await selectRows(db, sql`SELECT UTC_TIMESTAMP(3) AS now`, minuteSchema);
  if (!row) throw new Error('The database did not tell its time');
  const minute = new Date(Math.floor(row.now.getTime() / MS_PER_MINUTE) * MS_PER_MINUTE);
  return { key: minute.toISOString().slice(0, 16) + 'Z', scheduledFor: minute };
}

/** Command-line and "run now" runs, and skipped attempts, are each their own slot. */
export function oneOffSlot(kind: JobTrigger | 'skipped'): string {
  return `${kind}-${randomUUID()}`;
}
