import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { webhookEventAttempts } from '@/lib/db/schema';
import { eventRow, insertEvents, setUpShop, statusChanged, type TestShop } from './worker.test-helper';
import { MAX_ATTEMPTS, processDueEvents, RETRY_BASE_DELAY_MS, RETRY_JITTER, RETRY_MAX_DELAY_MS, retryDelayMs } from './worker';

let t: TestDatabase;
let shop: TestShop;

beforeAll(async () => {
  t = await createAppTestDatabase('wkbackoff');
  shop = await setUpShop(t.db);
});
afterAll(async () => t?.drop());

describe('retry schedule', () => {
  it('doubles from 30 s, within ±20%, and never passes the cap', () => {
    const lowest = (n: number) => retryDelayMs(n, () => 0);
    const highest = (n: number) => retryDelayMs(n, () => 1);
    expect(lowest(1)).toBe(RETRY_BASE_DELAY_MS * (1 - RETRY_JITTER));
    expect(highest(1)).toBe(RETRY_BASE_DELAY_MS * (1 + RETRY_JITTER));
    for (let n = 1; n < MAX_ATTEMPTS; n += 1) expect(lowest(n + 1)).toBeGreaterThan(highest(n));
    expect(highest(40)).toBe(RETRY_MAX_DELAY_MS * (1 + RETRY_JITTER));
  });
});

describe('a failing event', () => {
  it('waits longer after each failure and is dead-lettered at the 8th, with its reason', async () => {
    // A status for an order that never arrives: retryable, so it uses every attempt.
    const [id] = await insertEvents(t.db, shop, [statusChanged('NEVER', 'shipped')]);
    let clock = new Date('2030-01-01T00:00:00Z');
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const result = await processDueEvents({ db: t.db, mainDatabaseUrl: t.url, workerId: 'test', limit: 10, now: clock });
      const event = await eventRow(t.db, id!);
      expect(event.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(result).toEqual({ claimed: 1, done: 0, failed: 1, dead: 0 });
        expect(event.status).toBe('failed');
        delays.push(event.nextAttemptAt.getTime() - clock.getTime());
        // Not due a moment before its time…
        const early = await processDueEvents({ db: t.db, mainDatabaseUrl: t.url, workerId: 'test', limit: 10, now: new Date(event.nextAttemptAt.getTime() - 1) });
        expect(early.claimed).toBe(0);
        // …and due at it.
        clock = event.nextAttemptAt;
      } else {
        expect(result).toEqual({ claimed: 1, done: 0, failed: 0, dead: 1 });
        expect(event.status).toBe('dead');
        expect(event.lastError).toMatch(/^Gave up after 8 attempts: Order NEVER of account \d+ is not in OpenCart yet/);
      }
    }
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);

    const attempts = await t.db.select().from(webhookEventAttempts).where(eq(webhookEventAttempts.eventId, id!)).orderBy(asc(webhookEventAttempts.attempt));
    expect(attempts.map((a) => a.outcome)).toEqual([...Array<string>(MAX_ATTEMPTS - 1).fill('failed'), 'dead']);
    // A dead event is never claimed again, however late.
    expect((await processDueEvents({ db: t.db, mainDatabaseUrl: t.url, workerId: 'test', limit: 10, now: new Date('2099-01-01T00:00:00Z') })).claimed).toBe(0);
  });
});
