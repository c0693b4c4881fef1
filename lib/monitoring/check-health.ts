import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { tenants } from '@/lib/db/schema';

export type HealthCheck = { name: string; ok: boolean; latencyMs: number; error?: string };
export type Health = { status: 'ok' | 'fail'; checks: HealthCheck[] };

async function timed(name: string, fn: () => Promise<unknown>): Promise<HealthCheck> {
  const started = performance.now();
  try {
    await fn();
    return { name, ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { name, ok: false, latencyMs: Math.round(performance.now() - started), error: (err as Error).message };
  }
}

/** Real checks only: the database answers and the companion migrations have run. */
export async function checkHealth(db: Db): Promise<Health> {
  const checks = await Promise.all([
    timed('database', () => db.execute(sql`SELECT 1`)),
    timed('migrations', () => db.select({ id: tenants.id }).from(tenants).limit(1)),
  ]);
  return { status: checks.every((c) => c.ok) ? 'ok' : 'fail', checks };
}
