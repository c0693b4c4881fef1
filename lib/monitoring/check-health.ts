import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { tenants } from '@/lib/db/schema';
import { selectRows } from '@/lib/orders/raw-sql';
import { utcDateSchema } from './database-time';
import { newestGoodBackup } from './backup-and-gdpr-state';

export type HealthCheck = { name: string; ok: boolean; latencyMs: number; error?: string; detail?: Record<string, string | number | null> };
export type Health = { status: 'ok' | 'fail'; checks: HealthCheck[] };

/** A probe must answer even when the database hangs: each check gives up after this long. */
export const HEALTH_CHECK_TIMEOUT_MS = 3_000;
/** A good backup older than this fails the check (the alert rule uses the same). */
export const BACKUP_MAX_AGE_HOURS = 26;

export type HealthOptions = { maxLagSeconds: number; jobNames: readonly string[]; timeoutMs?: number };

type CheckOutcome = { detail?: HealthCheck['detail'] } | void;

async function timed(name: string, timeoutMs: number, fn: () => Promise<CheckOutcome>): Promise<HealthCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const result = await Promise.race([fn(), timeout]);
    return { name, ...(result ?? {}), ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { name, ok: false, latencyMs: Math.round(performance.now() - started), error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Real checks only: the database answers, the companion migrations have run, the webhook queue is
 * moving (the oldest due event has waited less than maxLagSeconds), when each job last succeeded, and
 * the newest good backup's age once there is one. Every check runs on every probe, so a pool that
 * lost its connections is asked again and recovers by itself.
 */
export async function checkHealth(db: Db, options: HealthOptions): Promise<Health> {
  const timeoutMs = options.timeoutMs ?? HEALTH_CHECK_TIMEOUT_MS;
  const checks = await Promise.all([
    timed('database', timeoutMs, async () => {
      await db.execute(sql`SELECT 1`);
    }),
    timed('migrations', timeoutMs, async () => {
      await db.select({ id: tenants.id }).from(tenants).limit(1);
    }),
    timed('processing_lag', timeoutMs, async () => {
      const [row] = await selectRows(
        db,
        sql`SELECT TIMESTAMPDIFF(SECOND, MIN(next_attempt_at), UTC_TIMESTAMP(3)) AS lag FROM msc_webhook_event
            WHERE status IN ('pending', 'failed') AND next_attempt_at <= UTC_TIMESTAMP(3)`,
        z.object({ lag: z.coerce.number().nullable() }),
      );
      const lag = row?.lag ?? 0;
      if (lag > options.maxLagSeconds) throw new Error(`the oldest due webhook event has waited ${lag} s (limit ${options.maxLagSeconds} s)`);
      return { detail: { lagSeconds: lag, limitSeconds: options.maxLagSeconds } };
    }),
    timed('jobs', timeoutMs, async () => {
      const rows = await selectRows(
        db,
        sql`SELECT job, MAX(finished_at) AS last FROM msc_job_run WHERE status = 'succeeded' GROUP BY job`,
        z.object({ job: z.string(), last: utcDateSchema.nullable() }),
      );
      const last = new Map(rows.map((r) => [r.job, r.last?.toISOString() ?? null]));
      return { detail: Object.fromEntries(options.jobNames.map((job) => [job, last.get(job) ?? null])) };
    }),
    timed('backup', timeoutMs, async (): Promise<CheckOutcome> => {
      const backup = await newestGoodBackup(db);
      // Before the first good backup there is no age to judge (a new install is not unhealthy); the alert rule still says so.
      if (backup === null) return { detail: { backups: 'none yet' } };
      const ageHours = (Date.now() - backup.getTime()) / 3_600_000;
      if (ageHours > BACKUP_MAX_AGE_HOURS) throw new Error(`no good backup in the last ${BACKUP_MAX_AGE_HOURS} hours`);
      return { detail: { newestGoodBackupAgeHours: Math.round(ageHours * 10) / 10 } };
    }),
  ]);
  return { status: checks.every((c) => c.ok) ? 'ok' : 'fail', checks };
}

/** The probe's answer: 200 or 503, the checks without driver messages (they can name hosts or SQL); the failing one named. */
export function healthAnswer(health: Health): { status: number; body: { status: Health['status']; failing: string[]; checks: Array<Omit<HealthCheck, 'error'>> } } {
  return {
    status: health.status === 'ok' ? 200 : 503,
    body: {
      status: health.status,
      failing: health.checks.filter((c) => !c.ok).map((c) => c.name),
      checks: health.checks.map(({ error: _error, ...rest }) => rest),
    },
  };
}
