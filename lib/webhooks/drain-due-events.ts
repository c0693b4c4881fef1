import { randomUUID } from 'node:crypto';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { coalescedRunner } from './coalesced-runner';
import { processDueEvents } from './worker';

/** Events applied per pass when draining right after an ingest or a replay. */
export const DRAIN_BATCH_SIZE = 20;
const workerId = `app-${randomUUID().slice(0, 8)}`;

const drain = coalescedRunner(() =>
  processDueEvents({
    db: getDb(env().DATABASE_URL),
    mainDatabaseUrl: env().DATABASE_URL,
    workerId,
    limit: DRAIN_BATCH_SIZE,
  }),
);

/**
 * Applies due events now, one drain at a time per process (see coalescedRunner), so a new order
 * lands at once after its webhook or a replay; cron's worker picks up anything left. Never throws:
 * a failure is logged and the events wait for the next run.
 */
export async function drainDueEvents(reason: string): Promise<void> {
  try {
    await drain();
  } catch (err) {
    console.error(`webhooks: applying events after ${reason} failed (${workerId}); cron will retry them`, err);
  }
}
