import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import mysql from 'mysql2/promise';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { marketplaceAccounts, tenants } from '@/lib/db/schema';
import { orderLockName } from '@/lib/webhooks/apply/order-lock';
import { insertEvents, orderCreated, setUpShop, type TestShop } from '@/lib/webhooks/worker.test-helper';
import { GET, POST } from '@/app/api/cron/[job]/route';
import { runsOf, waitForFreshMinute } from './jobs.test-helper';
import { JOB_NAMES } from './registry';

const CRON_SECRET = 'cron-secret-for-the-route-test';
let t: TestDatabase;
let shop: TestShop;

beforeAll(async () => {
  t = await createAppTestDatabase('cronroute');
  shop = await setUpShop(t.db);
  // Cron runs of one minute share a slot per job and tenant: tests that each need a fresh run use a tenant
  // of their own (all in the main database; the webhook queue is the deployment's anyway).
  await t.db.insert(tenants).values(['posted', 'busy', 'twice'].map((slug) => ({ slug, name: slug, databaseUrl: '', tablePrefix: 'oc_', storeId: 0 })));
  // The route reads its database and secret from the environment, as `next start` gives them.
  process.env.DATABASE_URL = t.url;
  process.env.CRON_SECRET = CRON_SECRET;
});
afterAll(async () => t?.drop());

function call(job: string, options: { query?: string; authorization?: string | null; method?: 'GET' | 'POST' } = {}) {
  const headers: Record<string, string> = {};
  const authorization = options.authorization === undefined ? `Bearer ${CRON_SECRET}` : options.authorization;
  if (authorization !== null) headers.authorization = authorization;
  const handler = options.method === 'POST' ? POST : GET;
  const request = new Request(`http://localhost/api/cron/${job}${options.query ?? ''}`, { method: options.method ?? 'GET', headers });
  return handler(request, { params: Promise.resolve({ job }) });
}

describe('the cron route: security', () => {
  it('answers 401 JSON without a bearer, with a wrong one, or with another scheme, and runs nothing', async () => {
    for (const authorization of [null, 'Bearer wrong-secret-of-some-length', `Basic ${CRON_SECRET}`, `Bearer ${CRON_SECRET}x`, 'Bearer ']) {
      const res = await call('process-webhooks', { authorization });
      expect(res.status, String(authorization)).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    }
    expect(await runsOf(t.db, 'process-webhooks')).toEqual([]);
  });

  it('answers 401 before saying whether a job exists', async () => {
    const res = await call('no-such-job', { authorization: null });
    expect(res.status).toBe(401);
  });

  it('answers 401 saying CRON_SECRET is not set when it is not, whatever is sent', async () => {
    vi.resetModules();
    delete process.env.CRON_SECRET;
    try {
      const route = await import('@/app/api/cron/[job]/route');
      const res = await route.GET(
        new Request('http://localhost/api/cron/process-webhooks', { headers: { authorization: 'Bearer undefined' } }),
        { params: Promise.resolve({ job: 'process-webhooks' }) },
      );
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: 'UNAUTHORIZED', message: 'CRON_SECRET is not set on the server, so no cron call can be authenticated.' },
      });
    } finally {
      process.env.CRON_SECRET = CRON_SECRET;
    }
  });
});

describe('the cron route: errors', () => {
  it('answers 404 JSON for an unknown job', async () => {
    const res = await call('backup-everything');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: `No such job. Jobs: ${JOB_NAMES.join(', ')}.` },
    });
  });

  it('answers 404 JSON for an unknown tenant, and runs nothing', async () => {
    const res = await call('process-webhooks', { query: '?tenant=nope' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No tenant "nope".' } });
    expect(await runsOf(t.db, 'process-webhooks')).toEqual([]);
  });

  it('answers 400 JSON for a malformed tenant or an unknown parameter (a typo must not run every shop)', async () => {
    for (const query of ['?tenant=', '?tenant=a%20b', '?tennant=default']) {
      const res = await call('process-webhooks', { query });
      expect(res.status, query).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'BAD_REQUEST', message: 'The query string is not valid.', issues: expect.any(Array) } });
    }
  });
});

describe('the cron route: runs', () => {
  it('answers 200 with each tenant’s run, by GET and by POST', async () => {
    await insertEvents(t.db, shop, [orderCreated('ROUTE-1', [{ productId: 30, quantity: 1, unitPrice: '5.00' }])]);
    const res = await call('process-webhooks', { query: '?tenant=default' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      job: 'process-webhooks',
      runs: [{ tenant: 'default', status: 'succeeded', runId: expect.any(Number), counts: { applied: 1, failed: 0, dead: 0 }, more: false }],
    });

    const posted = await call('process-webhooks', { method: 'POST', query: '?tenant=posted' });
    expect(posted.status).toBe(200);
    expect((await posted.json()).runs).toEqual([expect.objectContaining({ tenant: 'posted', status: 'succeeded' })]);
  });

  it('a failed run answers 200 with status failed and no error text; the text is on the run row', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await call('pull-orders', { query: '?tenant=default' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.runs).toEqual([expect.objectContaining({ tenant: 'default', status: expect.any(String) })]);
    expect(JSON.stringify(body)).not.toMatch(/stack|\bat \/|error/i);
  });

  it('two concurrent calls: one runs the job, the other answers skipped: running', async () => {
    // The worker waits for the order's lock, which the test holds: the run that gets the job lock stays busy.
    // A run applies its own tenant's events only: this order is the 'busy' shop's (same database).
    const [busy] = await t.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'busy'));
    const [account] = await t.db
      .insert(marketplaceAccounts)
      .values({ tenantId: busy!.id, marketplace: 'trendyol', name: 'Busy', authType: 'basic', secretCiphertext: 'unused', skuMatch: 'sku' })
      .$returningId();
    const busyShop = { tenantId: busy!.id, accountId: account!.id };
    await insertEvents(t.db, busyShop, [orderCreated('ROUTE-LOCKED', [{ productId: 31, quantity: 1, unitPrice: '5.00' }])]);
    const orderHolder = await mysql.createConnection({ uri: t.url });
    await orderHolder.query('SELECT GET_LOCK(?, 0)', [orderLockName(busyShop.accountId, 'ROUTE-LOCKED')]);
    const answers = [call('process-webhooks', { query: '?tenant=busy' }), call('process-webhooks', { query: '?tenant=busy' })].map((p) => p.then((res) => res.json()));
    try {
      const first = await Promise.race(answers);
      expect(first).toEqual({ job: 'process-webhooks', runs: [{ tenant: 'busy', skipped: 'running' }] });
    } finally {
      await orderHolder.end();
    }
    const both = await Promise.all(answers);
    const ran = both.filter((b) => 'status' in b.runs[0]);
    expect(ran).toHaveLength(1);
    expect(ran[0].runs[0]).toMatchObject({ tenant: 'busy', status: 'succeeded', counts: { applied: 1 } });
    expect(both.filter((b) => b.runs[0].skipped === 'running')).toHaveLength(1);
  });

  it('a second delivery of the same minute is a no-op naming the run that answered it', async () => {
    await waitForFreshMinute(t.db);
    const first = await (await call('process-webhooks', { query: '?tenant=twice' })).json();
    const again = await (await call('process-webhooks', { query: '?tenant=twice' })).json();
    expect(first.runs[0]).toMatchObject({ status: 'succeeded' });
    expect(again.runs).toEqual([{ tenant: 'twice', skipped: 'duplicate', runId: first.runs[0].runId }]);
  });
});
