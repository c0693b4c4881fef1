import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { and, sum } from 'drizzle-orm';
import { quotaUsage, tenants, webhookEvents } from '@/lib/db/schema';
import { POST } from '@/app/api/webhooks/[marketplace]/[accountId]/[[...path]]/route';
import { createIngestFixture } from '@/lib/webhooks/ingest/ingest-fixture.test-helper';
import { signedHeaders, stockEvent } from '@/lib/webhooks/ingest/webhook-push.test-helper';
import { setQuotaLimit } from './set-quota-limit';
import { LOCAL_REFUSAL_TTL_MS } from './quota-gate';

/** An instance remembers a refusal this long; a raised limit is seen after it. */
const afterRefusalMemory = () => new Promise((r) => setTimeout(r, LOCAL_REFUSAL_TTL_MS + 100));

const APP_ENCRYPTION_KEY = randomBytes(32).toString('base64');
let f: Awaited<ReturnType<typeof createIngestFixture>>;
let accountId: number;
let secret: string;

beforeAll(async () => {
  f = await createIngestFixture('quotaroute', encryptionKeyFrom(APP_ENCRYPTION_KEY));
  // The route reads its database and key from the environment, as `next start` gives them.
  process.env.DATABASE_URL = f.t.url;
  process.env.APP_ENCRYPTION_KEY = APP_ENCRYPTION_KEY;
  // Stored events are left for the cron worker here: this file is about the answers.
  process.env.WEBHOOK_APPLY_AFTER_INGEST = 'false';
  const created = await f.addAccount({ marketplace: 'generic', authType: 'hmac' });
  accountId = created.account.id;
  secret = created.secret;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(async () => f?.t.drop());

function push(body: unknown) {
  const raw = JSON.stringify(body);
  const params = { marketplace: 'generic', accountId: String(accountId) };
  const request = new Request(`http://localhost/api/webhooks/generic/${accountId}`, {
    method: 'POST',
    body: raw,
    headers: { 'content-type': 'application/json', ...signedHeaders(secret, raw) },
  });
  return POST(request, { params: Promise.resolve(params) });
}

/** What the tenant's day counter holds: every stored event, counted in the transaction that stored it. */
async function countedToday() {
  const [row] = await f.db
    .select({ n: sum(quotaUsage.used) })
    .from(quotaUsage)
    .where(and(eq(quotaUsage.tenantId, f.tenantId), eq(quotaUsage.metric, 'webhook_events'), eq(quotaUsage.grain, 'day')));
  return Number(row?.n ?? 0);
}

async function storedEvents() {
  return (await f.db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.accountId, accountId))).length;
}

const actor = { actor: { userId: 1, username: 'boss' } };

describe('webhook quotas at the route', () => {
  it('with a limit of 100 per minute, 150 concurrent pushes give exactly 100 stored events and 50 answers of 429', async () => {
    await setQuotaLimit(f.db, f.tenantId, { resource: 'webhook_events_per_minute', limit: 100 }, actor);
    // Far from a minute boundary, so every push falls in one window.
    while (new Date().getUTCSeconds() > 45) await new Promise((r) => setTimeout(r, 500));
    const [before, countedBefore] = [await storedEvents(), await countedToday()];
    const responses = await Promise.all(Array.from({ length: 150 }, (_, i) => push(stockEvent(`burst-${i}`))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(100);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50);
    expect((await storedEvents()) - before).toBe(100);
    expect((await countedToday()) - countedBefore).toBe(100);

    const refused = responses.find((r) => r.status === 429)!;
    const body = await refused.json();
    expect(body).toEqual({ error: { code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/quota of 100 webhook events per minute; retry after \d+ s/) } });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-limit')).toBe('100');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    expect(refused.headers.get('ratelimit-policy')).toBe('"webhook_events_per_minute";q=100;w=60, "webhook_events_per_day";q=1000000;w=86400');
    expect(refused.headers.get('ratelimit')).toMatch(/^"webhook_events_per_minute";r=0;t=\d+, "webhook_events_per_day";r=\d+;t=\d+$/);
  });

  it('accepted answers carry the same RateLimit headers, without Retry-After', async () => {
    await setQuotaLimit(f.db, f.tenantId, { resource: 'webhook_events_per_minute', limit: 1_000 }, actor);
    await afterRefusalMemory();
    const res = await push(stockEvent(`accepted-${Date.now()}`));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 1, duplicate: 0 });
    expect(res.headers.get('retry-after')).toBeNull();
    const remaining = Number(res.headers.get('ratelimit-remaining'));
    expect(res.headers.get('ratelimit-limit')).toBe('1000');
    expect(remaining).toBeLessThan(1_000);
    expect(Number(res.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    expect(res.headers.get('ratelimit-policy')).toContain('"webhook_events_per_minute";q=1000;w=60');
    expect(res.headers.get('ratelimit')).toContain(`"webhook_events_per_minute";r=${remaining};t=`);
  });

  it('a refused push is brought in by the retry once the window has room: nothing is lost', async () => {
    await setQuotaLimit(f.db, f.tenantId, { resource: 'webhook_events_per_minute', limit: 0 }, actor);
    const event = stockEvent(`retry-${Date.now()}`);
    const refused = await push(event);
    expect(refused.status).toBe(429);
    await setQuotaLimit(f.db, f.tenantId, { resource: 'webhook_events_per_minute', limit: 1_000 }, actor);
    // The sender retries after Retry-After; here the admin raised the limit meanwhile.
    await afterRefusalMemory();
    const retried = await push(event);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toEqual({ received: 1, duplicate: 0 });
  });

  it('a batch that does not fit what is left is refused whole and stores none of its events', async () => {
    await setQuotaLimit(f.db, f.tenantId, { resource: 'webhook_events_per_day', limit: (await countedToday()) + 1 }, actor);
    await afterRefusalMemory();
    const before = await storedEvents();
    const res = await push({ events: [stockEvent(`batch-a-${Date.now()}`), stockEvent(`batch-b-${Date.now()}`)] });
    expect(res.status).toBe(429);
    expect(res.headers.get('ratelimit-limit')).toBe(String((await countedToday()) + 1));
    expect(res.headers.get('ratelimit-remaining')).toBe('1');
    expect(await storedEvents()).toBe(before);
    await setQuotaLimit(f.db, f.tenantId, { resource: 'webhook_events_per_day', limit: 1_000_000 }, actor);
  });

  it('a disabled shop is answered like an unknown endpoint and stores nothing', async () => {
    await f.db.update(tenants).set({ status: 'disabled' }).where(eq(tenants.id, f.tenantId));
    try {
      const before = await storedEvents();
      const res = await push(stockEvent(`disabled-${Date.now()}`));
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No such webhook endpoint.' } });
      expect(await storedEvents()).toBe(before);
    } finally {
      await f.db.update(tenants).set({ status: 'active' }).where(eq(tenants.id, f.tenantId));
    }
  });
});
