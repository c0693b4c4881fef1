import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { alerts, gdprRequests, tenants } from '@/lib/db/schema';
import { openTenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { closeRequest } from './close-request';
import { runGdprDeadlines } from './deadlines-job';
import { createRequest } from './requests';
import { runGdprRetention } from './retention-job';
import { updateGdprSettings } from './settings';
import { scanDatabaseFor, seedPerson } from './gdpr.test-helper';

const ctx = { actor: { userId: 1, username: 'admin' } };
const DAY = 86_400_000;

describe('GDPR jobs', () => {
  let t: TestDatabase;
  let shop: TenantDb;

  beforeAll(async () => {
    t = await createAppTestDatabase('gdprjobs');
    const [tenant] = await t.db.select().from(tenants);
    shop = openTenantDb(tenant!, t.url);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const file = (email: string, daysAgo: number) =>
    createRequest(t.db, { tenantId: shop.tenant.id, type: 'access', source: 'admin', email, language: 'en', identityMethod: 'in_person', receivedAt: new Date(Date.now() - daysAgo * DAY) }, ctx);

  it('gdpr-deadlines raises a warning near the due date and a critical alert past it, once, and not for closed requests', async () => {
    const soon = await file('soon@example.com', 29);
    const late = await file('late@example.com', 40);
    const relaxed = await file('relaxed@example.com', 2);
    const closed = await file('closed@example.com', 45);
    await closeRequest(t.db, shop, { id: closed, outcome: 'completed', note: 'answered by mail' }, ctx);

    const first = await runGdprDeadlines(t.db, shop);
    // Due soon (the shared gdpr_due rule, warning) for both; past due (critical) for the late one.
    expect(first).toMatchObject({ alertsRaised: 3, dueSoonOrLate: 3, imported: 0 });
    const raised = await t.db.select().from(alerts).where(eq(alerts.tenantId, shop.tenant.id));
    expect(raised).toHaveLength(3);
    expect(raised.map((a) => [a.kind, a.severity, a.message])).toEqual(
      expect.arrayContaining([
        ['gdpr_due', 'warning', expect.stringContaining(`request ${late} is due`)],
        ['gdpr_due', 'warning', expect.stringContaining(`request ${soon} is due`)],
        ['gdpr_overdue', 'critical', expect.stringContaining(`#${late} is past`)],
      ]),
    );
    expect(raised.some((a) => a.message.includes(`${relaxed} `) || a.message.includes(`${closed} `))).toBe(false);
    expect((await runGdprDeadlines(t.db, shop)).alertsRaised).toBe(0);
  });

  it('gdpr-deadlines closes public-page requests never confirmed within 30 days and drops their address', async () => {
    const old = await createRequest(t.db, { tenantId: shop.tenant.id, type: 'erasure', source: 'public_page', email: 'never.clicked@example.com', language: 'en', receivedAt: new Date(Date.now() - 31 * DAY) }, ctx);
    const fresh = await createRequest(t.db, { tenantId: shop.tenant.id, type: 'erasure', source: 'public_page', email: 'will.click@example.com', language: 'en', receivedAt: new Date(Date.now() - 2 * DAY) }, ctx);
    expect((await runGdprDeadlines(t.db, shop)).unconfirmedClosed).toBe(1);
    const [closedRow] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, old));
    expect(closedRow).toMatchObject({ status: 'rejected', rejectionReason: 'Not confirmed' });
    expect(await scanDatabaseFor(t.db, 'never.clicked@example.com')).toEqual([]);
    const [freshRow] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, fresh));
    expect(freshRow!.status).toBe('unverified');
  });

  it('gdpr-retention is off by default, then anonymises only customers inactive past the period', async () => {
    const sleeper = await seedPerson(shop, t.db, { email: 'sleeper@example.com', firstname: 'Uyku', lastname: 'Derinuyur' });
    const active = await seedPerson(shop, t.db, { email: 'active@example.com', firstname: 'Aktif', lastname: 'Canlidir' });
    const recent = new Date(Date.now() - 3 * DAY).toISOString().slice(0, 19).replace('T', ' ');
    await shop.db.update(shop.oc.customerIp).set({ dateAdded: recent }).where(eq(shop.oc.customerIp.customerId, active.customerId));

    expect((await runGdprRetention(t.db, t.url, shop, () => false)).counts.erased).toBe(0);
    await updateGdprSettings(t.db, shop.tenant.id, { orderRetentionYears: 10, returnRetentionYears: 10, inactiveCustomerMonths: 6 }, ctx);
    const run = await runGdprRetention(t.db, t.url, shop, () => false);

    expect(run.counts.erased).toBe(1);
    expect(await scanDatabaseFor(t.db, sleeper.email)).toEqual([]);
    expect(await scanDatabaseFor(t.db, active.email)).toContain('oc_customer');
    const [request] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.customerId, sleeper.customerId));
    expect(request).toBeUndefined();
    const erasures = await t.db.select().from(gdprRequests).where(and(eq(gdprRequests.type, 'erasure'), eq(gdprRequests.status, 'completed')));
    expect(erasures).toHaveLength(1);
  });
});
