/**
 * Two shops in two databases on one server, a user granted only the first: no page, API, action or job
 * of the first returns or touches a row of the second, and every id of the second is answered 404.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createAppTestDatabase, createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { alerts, jobRuns, quotaUsage, stockObservations, tenantGrants, tenants, webhookEvents } from '@/lib/db/schema';
import { createMarketplaceAccount } from '@/lib/marketplace-accounts';
import { addAdminUser } from '@/lib/users/add-admin-user';
import { ingestWebhook } from '@/lib/webhooks/ingest';
import { signedHeaders, stockEvent, webhookRequest } from '@/lib/webhooks/ingest/webhook-push.test-helper';
import { setQuotaLimit } from '@/lib/quotas';
import { getTenantUsage } from '@/lib/quotas/usage';
import { createTenant } from './create-tenant';

/** The signed-in user the mocked session answers with; null is signed out. */
const session = vi.hoisted(() => ({ user: null as null | { id: number; username: string; isAdministrator: boolean; name: string } }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.user ? { user: session.user, expires: '2999-01-01T00:00:00Z' } : null),
}));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers({ 'user-agent': 'vitest', 'x-forwarded-for': '127.0.0.1' }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const APP_ENCRYPTION_KEY = randomBytes(32).toString('base64');
const CRON_SECRET = 'cron-secret-for-the-isolation-test';
let main: TestDatabase;
let shopB: TestDatabase;
let tenantA: number;
let tenantB: number;
let alice: { id: number; username: string; isAdministrator: boolean; name: string };
let bob: { id: number; username: string; isAdministrator: boolean; name: string };
const ids = { eventsA: [] as number[], eventsB: [] as number[] };

async function pushStock(accountId: number, secret: string, externalId: string) {
  const raw = JSON.stringify(stockEvent(externalId, 'SKU-ISO', 3));
  const outcome = await ingestWebhook(main.db, {
    marketplace: 'generic',
    accountId,
    key: encryptionKeyFrom(APP_ENCRYPTION_KEY),
    request: webhookRequest(raw, signedHeaders(secret, raw)),
  });
  if (!outcome.ok) throw new Error(`seeding push refused: ${outcome.message}`);
  const [row] = await main.db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.externalId, externalId));
  return row!.id;
}

beforeAll(async () => {
  [main, shopB] = await Promise.all([createAppTestDatabase('isolation'), createOpenCartTestDatabase('isolationb', 'shop_')]);
  // Route handlers, pages and actions read these as `next start` gives them; set before env() is first read.
  process.env.DATABASE_URL = main.url;
  process.env.APP_ENCRYPTION_KEY = APP_ENCRYPTION_KEY;
  process.env.CRON_SECRET = CRON_SECRET;
  process.env.WEBHOOK_APPLY_AFTER_INGEST = 'false';
  const a = await addAdminUser(main.db, 'oc_', { username: 'alice', password: 'alice-password-1' });
  const b = await addAdminUser(main.db, 'oc_', { username: 'bob', password: 'bob-password-1' });
  alice = { id: a.userId, username: 'alice', isAdministrator: true, name: 'Alice' };
  bob = { id: b.userId, username: 'bob', isAdministrator: true, name: 'Bob' };
  const [defaultShop] = await main.db.select().from(tenants).where(eq(tenants.slug, 'default'));
  tenantA = defaultShop!.id;
  const created = await createTenant(
    main.db,
    { name: 'Shop B', slug: 'shop-b', databaseUrl: shopB.url, tablePrefix: 'shop_' },
    { user: bob, key: () => encryptionKeyFrom(APP_ENCRYPTION_KEY) },
  );
  tenantB = created.id;
  // Bob administers only shop B: his implicit admin role on the main shop is narrowed to viewer.
  await main.db.insert(tenantGrants).values({ tenantId: tenantA, userId: bob.id, username: 'bob', role: 'viewer', grantedBy: 'test' });

  const key = encryptionKeyFrom(APP_ENCRYPTION_KEY);
  const actor = { userId: null, username: 'test' };
  const accountA = await createMarketplaceAccount(main.db, { tenantId: tenantA, marketplace: 'generic', name: 'A pushes', authType: 'hmac', skuMatch: 'model' }, { key, actor });
  const accountB = await createMarketplaceAccount(main.db, { tenantId: tenantB, marketplace: 'generic', name: 'B pushes', authType: 'hmac', skuMatch: 'model' }, { key, actor });
  for (let i = 0; i < 3; i++) ids.eventsA.push(await pushStock(accountA.account.id, accountA.secret, `iso-a-${i}`));
  for (let i = 0; i < 2; i++) ids.eventsB.push(await pushStock(accountB.account.id, accountB.secret, `iso-b-${i}`));
  await setQuotaLimit(main.db, tenantB, { resource: 'webhook_events_per_minute', limit: 2 }, { actor });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => Promise.all([main?.drop(), shopB?.drop()]));

const signIn = (user: typeof alice) => {
  session.user = user;
};

/** What notFound() throws, as Next tells it apart. */
function isNotFound(err: unknown): boolean {
  return err instanceof Error && 'digest' in err && String((err as { digest: unknown }).digest).includes('404');
}

async function expectNotFound(render: () => Promise<unknown>) {
  const err = await render().then(() => null, (e: unknown) => e);
  expect(isNotFound(err), String(err)).toBe(true);
}

describe('pages', () => {
  it('a webhook event of the other shop is a 404, an event of its own is shown', async () => {
    signIn(alice);
    const { default: WebhookEventPage } = await import('@/app/(dashboard)/webhooks/[id]/page');
    const searchParams = Promise.resolve({});
    for (const id of ids.eventsB) await expectNotFound(() => WebhookEventPage({ params: Promise.resolve({ id: String(id) }), searchParams }));
    await expect(WebhookEventPage({ params: Promise.resolve({ id: String(ids.eventsA[0]) }), searchParams })).resolves.toBeTruthy();
  });

  it('the other shop’s settings page is a 404, as is one that does not exist', async () => {
    signIn(alice);
    const { default: TenantPage } = await import('@/app/(dashboard)/tenants/[id]/page');
    for (const id of [tenantB, 987_654]) await expectNotFound(() => TenantPage({ params: Promise.resolve({ id: String(id) }) }));
    signIn(bob);
    await expectNotFound(() => TenantPage({ params: Promise.resolve({ id: String(tenantA) }) }));
    await expect(TenantPage({ params: Promise.resolve({ id: String(tenantB) }) })).resolves.toBeTruthy();
  });

  it('the usage figures of a shop are its own', async () => {
    const [usageA, usageB] = await Promise.all([getTenantUsage(main.db, tenantA), getTenantUsage(main.db, tenantB)]);
    const today = (u: typeof usageA) => u.overview.quotas.find((q) => q.resource === 'webhook_events_per_day')?.used;
    expect(today(usageA)).toBe(3);
    expect(today(usageB)).toBe(2);
    expect(usageA.overview.quotas.find((q) => q.resource === 'webhook_events_per_minute')?.limit).not.toBe(2);
    expect(usageA.service.deliveries24h).toBe(3);
    expect(usageB.service.deliveries24h).toBe(2);
  });
});

describe('APIs', () => {
  it('the webhook events API lists only the signed-in user’s shop', async () => {
    signIn(alice);
    const { GET } = await import('@/app/api/admin/webhook-events/route');
    const { NextRequest } = await import('next/server');
    const res = await GET(new NextRequest('http://localhost/api/admin/webhook-events'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { events: Array<{ id: number }>; total: number };
    expect(body.events.map((e) => e.id).sort()).toEqual([...ids.eventsA].sort());
    expect(body.total).toBe(3);
  });

  it('the usage API answers 404 for the other shop’s id and the user’s own figures without one', async () => {
    signIn(alice);
    const { GET } = await import('@/app/api/usage/route');
    const { NextRequest } = await import('next/server');
    const other = await GET(new NextRequest(`http://localhost/api/usage?tenant=${tenantB}`));
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No such shop.' } });
    const own = await GET(new NextRequest('http://localhost/api/usage'));
    expect(own.status).toBe(200);
    const body = (await own.json()) as { service: { deliveries24h: number } };
    expect(body.service.deliveries24h).toBe(3);
    const bad = await GET(new NextRequest('http://localhost/api/usage?tenant=abc'));
    expect(bad.status).toBe(400);
    session.user = null;
    expect((await GET(new NextRequest('http://localhost/api/usage'))).status).toBe(401);
  });

  it('the jobs API shows only the shop’s own runs', async () => {
    await main.db.insert(jobRuns).values({ job: 'process-webhooks', tenantId: tenantB, triggeredBy: 'cli', requestedBy: 'test', slot: 'iso-b', status: 'succeeded', budgetMs: 1 });
    signIn(alice);
    const { GET } = await import('@/app/api/admin/jobs/route');
    const { NextRequest } = await import('next/server');
    const res = await GET(new NextRequest('http://localhost/api/admin/jobs'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { history: { runs: Array<{ requestedBy: string }> } };
    expect(body.history.runs.some((r) => r.requestedBy === 'test')).toBe(false);
  });
});

describe('actions', () => {
  it('replaying the other shop’s events replays nothing and leaves them as they were', async () => {
    signIn(alice);
    const { replayWebhookEvents } = await import('@/app/(dashboard)/webhooks/actions');
    const before = await main.db.select().from(webhookEvents).where(inArray(webhookEvents.id, ids.eventsB));
    const result = await replayWebhookEvents({ eventIds: ids.eventsB });
    expect(result).toEqual({ ok: true, replayed: 0 });
    expect(await main.db.select().from(webhookEvents).where(inArray(webhookEvents.id, ids.eventsB))).toEqual(before);
  });

  it('tenant administration of the other shop is refused as not found and changes nothing', async () => {
    signIn(alice);
    const actions = await import('@/app/(dashboard)/tenants/actions');
    const notFound = { ok: false, message: 'That shop does not exist or is not yours to manage.' };
    expect(await actions.setTenantStatusAction({ tenantId: tenantB, status: 'disabled' })).toEqual(notFound);
    expect(await actions.updateTenantAction({ tenantId: String(tenantB), name: 'Mine now' })).toEqual(notFound);
    expect(await actions.testConnectionAction({ tenantId: tenantB })).toEqual(notFound);
    expect(await actions.grantAccessAction({ tenantId: tenantB, userId: alice.id, role: 'admin' })).toEqual(notFound);
    expect(await actions.revokeAccessAction({ tenantId: tenantB, userId: bob.id })).toEqual(notFound);
    expect(await actions.chooseTenantAction('shop-b')).toEqual(notFound);
    const [b] = await main.db.select().from(tenants).where(eq(tenants.id, tenantB));
    expect(b).toMatchObject({ name: 'Shop B', status: 'active' });
  });

  it('a limit set from the usage page changes only the shop open in the header', async () => {
    signIn(alice);
    const { setQuotaLimitAction } = await import('@/app/(dashboard)/usage/actions');
    expect(await setQuotaLimitAction({ resource: 'webhook_events_per_minute', scope: '', limit: '77' })).toEqual({ ok: true });
    const [usageA, usageB] = await Promise.all([getTenantUsage(main.db, tenantA), getTenantUsage(main.db, tenantB)]);
    expect(usageA.overview.quotas.find((q) => q.resource === 'webhook_events_per_minute')?.limit).toBe(77);
    expect(usageB.overview.quotas.find((q) => q.resource === 'webhook_events_per_minute')?.limit).toBe(2);
    expect(await setQuotaLimitAction({ resource: 'webhook_events_per_minute', scope: '', limit: '-1' })).toMatchObject({ ok: false });
  });
});

describe('jobs', () => {
  it('a job run for one shop applies only that shop’s events; the other’s stay pending until its own run', async () => {
    const { GET } = await import('@/app/api/cron/[job]/route');
    const call = (slug: string) =>
      GET(new Request(`http://localhost/api/cron/process-webhooks?tenant=${slug}`, { headers: { authorization: `Bearer ${CRON_SECRET}` } }), {
        params: Promise.resolve({ job: 'process-webhooks' }),
      });
    const res = await call('default');
    expect(res.status).toBe(200);
    const statusOf = async (eventIds: number[]) =>
      (await main.db.select({ status: webhookEvents.status }).from(webhookEvents).where(inArray(webhookEvents.id, eventIds))).map((r) => r.status);
    expect(await statusOf(ids.eventsA)).toEqual(['done', 'done', 'done']);
    expect(await statusOf(ids.eventsB)).toEqual(['pending', 'pending']);
    expect(await main.db.select().from(stockObservations).where(eq(stockObservations.tenantId, tenantB))).toEqual([]);

    expect((await call('shop-b')).status).toBe(200);
    expect(await statusOf(ids.eventsB)).toEqual(['done', 'done']);
  });

  it('quota counters and alerts are kept per shop', async () => {
    const counted = async (tenantId: number) =>
      (await main.db.select({ used: quotaUsage.used, grain: quotaUsage.grain }).from(quotaUsage).where(eq(quotaUsage.tenantId, tenantId)))
        .filter((r) => r.grain === 'day')
        .reduce((n, r) => n + Number(r.used), 0);
    expect(await counted(tenantA)).toBe(3);
    expect(await counted(tenantB)).toBe(2);
    const raisedForA = await main.db.select().from(alerts).where(eq(alerts.tenantId, tenantA));
    expect(raisedForA).toEqual([]);
  });
});
