import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/mysql2';
import type { PoolConnection } from 'mysql2';
import { z } from 'zod';
import { createPool, type Db, type Transaction } from '@/lib/db/pool';
import { webhookEventAttempts, webhookEvents, type WebhookEvent } from '@/lib/db/schema';
import { selectRows } from '@/lib/orders/raw-sql';
import { applyEvent, BatchLookups, EventApplyError, OrderLock, type AfterStep } from './apply';

/** The 8th failed attempt dead-letters an event (about two hours after the first, with the delays below). */
export const MAX_ATTEMPTS = 8;
/** Delay after the first failure; doubled after each further one. */
export const RETRY_BASE_DELAY_MS = 30_000;
export const RETRY_MAX_DELAY_MS = 6 * 60 * 60_000;
/** ±20%, so that events that failed together (a shop database that was down) do not retry in step. */
export const RETRY_JITTER = 0.2;
/**
 * Due events read per claimed slot. Workers that start together read the same first ids; reading
 * further ahead lets each find rows the others have not locked.
 */
export const CLAIM_LOOKAHEAD = 4;
const LAST_ERROR_MAX_CHARS = 2_000;
const WORKER_ID_MAX_CHARS = 64;
const DUE_STATUSES = ['pending', 'failed'] as const;

export type ProcessDueEventsInput = {
  /** The main database (companion tables). */
  db: Db;
  /** Where a tenant with an empty database URL keeps its OpenCart tables; also holds the order locks. */
  mainDatabaseUrl: string;
  /** Recorded on each attempt row, e.g. `cron-7f3a` or `after-ingest`. */
  workerId: string;
  /** At most this many events are claimed by one call. */
  limit: number;
  /** Only this tenant's events (a per-tenant job run); every tenant's when omitted. */
  tenantId?: number;
  /** The clock for "due" and for backoff; the database's UTC_TIMESTAMP(3) when omitted. */
  now?: Date;
  /** Called after each write step of an event; tests throw from it to stop a worker there, as a crash would. */
  afterStep?: AfterStep;
};

export type ProcessDueEventsResult = { claimed: number; done: number; failed: number; dead: number };
type EventOutcome = 'done' | 'failed' | 'dead';

/** Backoff after `failedAttempts` failures: 30 s, 1 min, 2 min, … capped at 6 h, each ±20%. */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const base = Math.min(RETRY_BASE_DELAY_MS * 2 ** Math.max(0, failedAttempts - 1), RETRY_MAX_DELAY_MS);
  return Math.round(base * (1 + RETRY_JITTER * (2 * random() - 1)));
}

const isDue = (now: Date) => and(inArray(webhookEvents.status, DUE_STATUSES), lte(webhookEvents.nextAttemptAt, now));

const utcTimestampSchema = z.object({
  now: z.union([z.date(), z.string().transform((text) => new Date(`${text.replace(' ', 'T')}Z`))]),
});

/** The database's clock: the ingest stamps next_attempt_at with it, and an app server's clock may lag. */
async function databaseNow(db: Db): Promise<Date> {
  const [row] = await selectRows(db, sql`SELECT UTC_TIMESTAMP(3) AS now`, utcTimestampSchema);
  if (!row) throw new Error('The database did not tell its time');
  return row.now;
}

function describeFailure(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e !== undefined && parts.length < 3; e = e instanceof Error ? e.cause : undefined) {
    parts.push(e instanceof Error ? e.message : String(e));
  }
  return parts.join(' — caused by: ').slice(0, LAST_ERROR_MAX_CHARS);
}

type WorkerRun = {
  /** The main database's pool: reads, and the writes that must commit before OpenCart is touched. */
  db: Db;
  /** The worker's own connection: the events' transactions and the order lock. */
  session: Db;
  workerId: string;
  now: Date;
  lookups: BatchLookups;
  orderLock: OrderLock;
  afterStep?: AfterStep;
};

/**
 * A connection of the worker's own for one batch, configured once: READ COMMITTED, so that reads in
 * an event's transaction see rows other connections committed meanwhile (the intent row is one), and
 * the session that holds the order lock, so that the lock can be released after the commit.
 */
async function openWorkerSession(url: string): Promise<{ session: Db; close: () => Promise<void> }> {
  const pool = createPool(url, 1);
  const connection = await new Promise<PoolConnection>((resolve, reject) =>
    pool.getConnection((err, conn) => (err ? reject(err) : resolve(conn))),
  );
  const close = async () => {
    connection.release();
    await pool.promise().end();
  };
  try {
    await connection.promise().query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
  } catch (err) {
    await close();
    throw err;
  }
  return { session: drizzle({ client: connection }), close };
}

type Attempt = { event: WebhookEvent; startedAt: Date; started: number };

function attemptRow(run: WorkerRun, attempt: Attempt) {
  return {
    eventId: attempt.event.id,
    attempt: attempt.event.attempts + 1,
    worker: run.workerId,
    startedAt: attempt.startedAt,
    durationMs: Math.round(performance.now() - attempt.started),
  };
}

/** The done mark, in the transaction that holds the event and applied it. */
async function recordDone(tx: Transaction, run: WorkerRun, attempt: Attempt): Promise<'done'> {
  const row = attemptRow(run, attempt);
  await tx.insert(webhookEventAttempts).values({ ...row, outcome: 'done', error: null });
  await tx
    .update(webhookEvents)
    .set({ status: 'done', attempts: row.attempt, lastError: null, processedAt: sql`UTC_TIMESTAMP(3)` })
    .where(eq(webhookEvents.id, attempt.event.id));
  return 'done';
}

/**
 * A failed attempt: failed with backoff, or dead (at MAX_ATTEMPTS, or at once when only a person can
 * fix it). The transaction that applied the event was rolled back whole, so no companion write of the
 * failed attempt survives; this one locks the event again only if it is as we claimed it (another
 * worker may have taken it in between, and then its record stands).
 */
async function recordFailure(run: WorkerRun, attempt: Attempt, error: unknown): Promise<EventOutcome> {
  const { event } = attempt;
  const row = attemptRow(run, attempt);
  const needsAction = error instanceof EventApplyError && error.disposition === 'dead';
  const outcome: EventOutcome = needsAction || row.attempt >= MAX_ATTEMPTS ? 'dead' : 'failed';
  const reason = describeFailure(error);
  const recorded = await run.session.transaction(async (tx) => {
    const [unchanged] = await tx
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.id, event.id), eq(webhookEvents.attempts, event.attempts), inArray(webhookEvents.status, DUE_STATUSES)))
      .for('update');
    if (!unchanged) return false;
    await tx.insert(webhookEventAttempts).values({ ...row, outcome, error: reason });
    await tx
      .update(webhookEvents)
      .set({
        status: outcome,
        attempts: row.attempt,
        lastError: outcome === 'dead' && !needsAction ? `Gave up after ${row.attempt} attempts: ${reason}` : reason,
        ...(outcome === 'failed' ? { nextAttemptAt: new Date(run.now.getTime() + retryDelayMs(row.attempt)) } : {}),
      })
      .where(eq(webhookEvents.id, event.id));
    return true;
  });

  const where = `event ${event.id} (${event.type}, attempt ${row.attempt})`;
  if (!recorded) console.warn(`[webhooks] ${where} failed, and another worker took it meanwhile: ${reason}`);
  else if (error instanceof EventApplyError) console.warn(`[webhooks] ${where} ${outcome}: ${reason}`);
  else console.error(`[webhooks] ${where} ${outcome}:`, error);
  return outcome;
}

/**
 * One event in one short transaction: lock it (SKIP LOCKED: another worker has it), apply it, and
 * mark it done in the same transaction. The row lock is held only while this one event is applied.
 * On failure that transaction rolls back whole (no savepoint to pay for on every success) and the
 * failure is recorded in a second one. The order lock, if the event took one, is released last, after
 * the commit, so the next event of the same order reads the link row as committed.
 */
async function processEvent(run: WorkerRun, eventId: number): Promise<EventOutcome | 'skipped'> {
  let attempt: Attempt | undefined;
  try {
    return await run.session.transaction(async (tx) => {
      const [event] = await tx
        .select()
        .from(webhookEvents)
        .where(and(eq(webhookEvents.id, eventId), isDue(run.now)))
        .for('update', { skipLocked: true });
      if (!event) return 'skipped';
      attempt = { event, startedAt: new Date(), started: performance.now() };
      const account = await run.lookups.account(event);
      const shop = () => run.lookups.shop(event.tenantId);
      await applyEvent({
        db: run.db,
        tx,
        event,
        account,
        shop,
        resolveSkus: async (skus) => run.lookups.resolveSkus(account, await shop(), skus),
        orderLock: run.orderLock,
        now: run.now,
        afterStep: run.afterStep,
      });
      return recordDone(tx, run, attempt);
    });
  } catch (error) {
    // Nothing claimed: the database itself failed, which the caller hears about.
    if (!attempt) throw error;
    return await recordFailure(run, attempt, error);
  } finally {
    await run.orderLock.release();
  }
}

/**
 * Applies due webhook events to OpenCart, each exactly once, and reports what it did.
 *
 * Exactly once: the done mark commits with the event's companion writes, but OpenCart's tables
 * (MyISAM, possibly in another database) can never join that transaction, so a worker may die after
 * writing OpenCart and before the commit, and the event is then applied again. Every apply step is
 * therefore safe to repeat: observations by their unique keys, order events by an intent row, a
 * marker in the order, single-statement writes guarded by the order's status, and history completed
 * only when missing (apply/apply-order-created.ts, lib/orders/add-order-history.ts). One lock per
 * marketplace order (apply/order-lock.ts) keeps two events of the same order from interleaving.
 *
 * Claiming: the brief's single `SELECT … ORDER BY priority, id LIMIT n FOR UPDATE SKIP LOCKED` cannot
 * be served in order by the due index (status, next_attempt_at, priority, id), so the server sorts,
 * and InnoDB locks every due row it read for the sort, not just the n returned (measured on MariaDB
 * 10.11: 10 claimed, 4,007 row locks, and a second worker claimed nothing). So the ids are read first
 * without locks, in priority order, and each is then locked by primary key with SKIP LOCKED and the
 * due condition checked again: a worker locks exactly the event it applies, and several workers
 * share the queue.
 */
export async function processDueEvents(input: ProcessDueEventsInput): Promise<ProcessDueEventsResult> {
  const { db, limit } = input;
  const result: ProcessDueEventsResult = { claimed: 0, done: 0, failed: 0, dead: 0 };
  if (limit <= 0) return result;
  const now = input.now ?? (await databaseNow(db));
  const candidates = await db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(input.tenantId === undefined ? isDue(now) : and(isDue(now), eq(webhookEvents.tenantId, input.tenantId)))
    .orderBy(asc(webhookEvents.priority), asc(webhookEvents.id))
    .limit(limit * CLAIM_LOOKAHEAD);
  if (candidates.length === 0) return result;

  const { session, close } = await openWorkerSession(input.mainDatabaseUrl);
  const run: WorkerRun = {
    db,
    session,
    workerId: input.workerId.slice(0, WORKER_ID_MAX_CHARS),
    now,
    lookups: new BatchLookups(db, input.mainDatabaseUrl),
    orderLock: new OrderLock(session),
    afterStep: input.afterStep,
  };
  try {
    for (const { id } of candidates) {
      if (result.claimed >= limit) break;
      const outcome = await processEvent(run, id);
      if (outcome === 'skipped') continue;
      result.claimed += 1;
      result[outcome] += 1;
    }
  } finally {
    // Ending the session releases an order lock a failure may have left behind.
    await close();
  }
  return result;
}
