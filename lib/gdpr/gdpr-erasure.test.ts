import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createAppTestDatabase, TEST_OPENCART_VERSION, type TestDatabase } from '@/lib/testing/harness';
import { tenants, gdprRequests } from '@/lib/db/schema';
import { openTenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { versionedTables } from '@/lib/opencart-version/shop-version';
import { createRequest } from './requests';
import { runErasure, getErasureReport } from './run-erasure';
import type { ErasureStep } from './erasure-plan';
import { convertOpenCartTablesToInnoDb, orderFigures, scanDatabaseFor, seedPerson, type SeededPerson } from './gdpr.test-helper';

const ctx = { actor: { userId: 1, username: 'admin' } };

class InjectedCrash extends Error {}

async function fileErasure(t: TestDatabase, shop: TenantDb, email: string, name: string) {
  return createRequest(
    t.db,
    { tenantId: shop.tenant.id, type: 'erasure', source: 'admin', email, requesterName: name, language: 'en', identityMethod: 'id_document', receivedAt: new Date() },
    ctx,
  );
}

/** What an erasure leaves of one person, with ids and the random pseudonym taken out, so two runs compare. */
async function endState(shop: TenantDb, person: SeededPerson, pseudonym: string) {
  const { db, oc } = shop;
  // Whole order rows through the shop's own mirror (4.0's rows have other columns); one branch per line, as each
  // mirror has its own row type.
  const line = await versionedTables(shop);
  const orders =
    line.version === '4.0'
      ? await db.select().from(line.oc.order).where(inArray(line.oc.order.orderId, person.orderIds))
      : await db.select().from(line.oc.order).where(inArray(line.oc.order.orderId, person.orderIds));
  const normalised = orders.map(({ orderId: _id, ...rest }) => JSON.parse(JSON.stringify(rest).replaceAll(pseudonym, 'PSEUDONYM')));
  // Counted by a column both lines have: whole-row selects through the 3.0 mirror do not fit 4.0's tables.
  return {
    orders: normalised,
    customer: await db.$count(oc.customer, eq(oc.customer.customerId, person.customerId)),
    address: await db.$count(oc.address, eq(oc.address.customerId, person.customerId)),
    wishlist: await db.$count(oc.customerWishlist, eq(oc.customerWishlist.customerId, person.customerId)),
    ip: await db.$count(oc.customerIp, eq(oc.customerIp.customerId, person.customerId)),
    reviews: await db.$count(oc.review, eq(oc.review.author, pseudonym)),
    orderLines: await db.$count(oc.orderProduct, inArray(oc.orderProduct.orderId, person.orderIds)),
  };
}

/**
 * OpenCart 3.0 installs MyISAM (nothing to roll back, so the erasure must resume step by step), and many 3.0
 * shops have been moved to InnoDB; OpenCart 4.0 installs InnoDB.
 */
const ENGINES = TEST_OPENCART_VERSION === '4.0' ? (['InnoDB'] as const) : (['MyISAM', 'InnoDB'] as const);

describe.each(ENGINES)('erasure on %s OpenCart tables', (engine) => {
  let t: TestDatabase;
  let shop: TenantDb;

  beforeAll(async () => {
    t = await createAppTestDatabase(`gdpr${engine}`);
    if (engine === 'InnoDB') await convertOpenCartTablesToInnoDb(t.db, 'oc_');
    const [tenant] = await t.db.select().from(tenants);
    shop = openTenantDb(tenant!, t.url);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('leaves no trace of the email or name anywhere, and keeps order counts and totals', async () => {
    const person = await seedPerson(shop, t.db, { email: 'selin.ozkaradeniz@example.com', firstname: 'Selin', lastname: 'Ozkaradeniz' });
    // A namesake at the same address: must be left exactly as it was.
    const other = await seedPerson(shop, t.db, { email: 'selin.o@example.net', firstname: 'Selin', lastname: 'Ozkaradenis' });
    const before = await orderFigures(shop);
    const requestId = await fileErasure(t, shop, 'Selin.Ozkaradeniz@example.com', 'Selin Ozkaradeniz');

    const report = await runErasure({ shop, mainDb: t.db, mainDatabaseUrl: t.url, requestId }, ctx);

    expect(report.status).toBe('completed');
    expect(await orderFigures(shop)).toEqual(before);
    expect(await scanDatabaseFor(t.db, person.email)).toEqual([]);
    expect(await scanDatabaseFor(t.db, person.lastname)).toEqual([]);
    expect(await scanDatabaseFor(t.db, report.pseudonym)).toEqual(expect.arrayContaining(['oc_order', 'oc_return', 'oc_review', 'msc_gdpr_request', 'msc_gdpr_consent']));
    // The namesake is untouched.
    expect((await scanDatabaseFor(t.db, other.email)).sort()).toEqual(
      expect.arrayContaining(['oc_customer', 'oc_order', 'oc_customer_login', 'oc_return', 'msc_webhook_event', 'msc_webhook_delivery', 'msc_gdpr_consent']),
    );
    expect(await scanDatabaseFor(t.db, other.lastname)).toEqual(expect.arrayContaining(['oc_customer', 'oc_address', 'oc_order', 'oc_review']));

    const lines = Object.fromEntries(report.lines.map((l) => [`${l.table}:${l.action}`, l.affected]));
    expect(lines).toMatchObject({
      'oc_customer:delete': 1,
      'oc_address:delete': 1,
      'oc_customer_wishlist:delete': 1,
      'oc_customer_ip:delete': 1,
      'oc_customer_login:delete': 1,
      'oc_customer_activity:delete': 1,
      'oc_customer_online:delete': 1,
      'oc_customer_search:delete': 1,
      'oc_customer_approval:delete': 1,
      'oc_customer_transaction:delete': 1,
      'oc_customer_reward:delete': 1,
      'oc_order:anonymise': 3,
      'oc_return:anonymise': 1,
      'oc_review:anonymise': 1,
      'msc_webhook_event:anonymise': 1,
      'msc_webhook_delivery:anonymise': 1,
      'msc_gdpr_consent:anonymise': 1,
      'msc_gdpr_request:anonymise': 1,
    });
    const [request] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, requestId));
    expect(request!.status).toBe('completed');
    // Running it again changes nothing and reports the same.
    const again = await runErasure({ shop, mainDb: t.db, mainDatabaseUrl: t.url, requestId }, ctx);
    expect(again.lines).toEqual(report.lines);
    expect(await orderFigures(shop)).toEqual(before);
  });

  it('orders past the retention period are deleted, not kept', async () => {
    const person = await seedPerson(shop, t.db, { email: 'old.buyer@example.com', firstname: 'Kemal', lastname: 'Eskisiparis' });
    await shop.db.update(shop.oc.order).set({ dateAdded: '2010-03-01 10:00:00' }).where(eq(shop.oc.order.orderId, person.orderIds[0]!));
    const requestId = await fileErasure(t, shop, person.email, 'Kemal Eskisiparis');
    const report = await runErasure({ shop, mainDb: t.db, mainDatabaseUrl: t.url, requestId }, ctx);
    const lines = Object.fromEntries(report.lines.map((l) => [`${l.table}:${l.action}`, l.affected]));
    expect(lines).toMatchObject({ 'oc_order:delete': 1, 'oc_order:anonymise': 2, 'oc_order_product:delete': 1, 'oc_order_total:delete': 1 });
    expect(await scanDatabaseFor(t.db, person.lastname)).toEqual([]);
  });

  it('a crash injected after any step resumes to the same end state', async () => {
    const reference = await seedPerson(shop, t.db, { email: 'ref.person@example.com', firstname: 'Deniz', lastname: 'Referansoglu' });
    const refRequest = await fileErasure(t, shop, reference.email, 'Deniz Referansoglu');
    const refReport = await runErasure({ shop, mainDb: t.db, mainDatabaseUrl: t.url, requestId: refRequest }, ctx);
    const expected = await endState(shop, reference, refReport.pseudonym);
    const stepCount = refReport.lines.length;
    expect(stepCount).toBeGreaterThan(15);

    for (let crashAt = 0; crashAt < stepCount; crashAt += 1) {
      const lastname = `Kazaoglu${String.fromCharCode(97 + crashAt)}x`;
      const person = await seedPerson(shop, t.db, { email: `crash${crashAt}@example.com`, firstname: 'Deniz', lastname });
      const requestId = await fileErasure(t, shop, person.email, `Deniz ${lastname}`);
      let seen = 0;
      const crash = { afterStep: (_s: ErasureStep) => { if (seen++ === crashAt) throw new InjectedCrash(`after step ${crashAt}`); } };
      await expect(runErasure({ shop, mainDb: t.db, mainDatabaseUrl: t.url, requestId }, ctx, crash)).rejects.toBeInstanceOf(InjectedCrash);
      const halfway = await getErasureReport(t.db, shop, requestId);
      expect(halfway!.status).toBe('running');

      const report = await runErasure({ shop, mainDb: t.db, mainDatabaseUrl: t.url, requestId }, ctx);

      expect(report.status, `crash after step ${crashAt}`).toBe('completed');
      expect(report.lines.map((l) => [l.table, l.action, l.planned])).toEqual(refReport.lines.map((l) => [l.table, l.action, l.planned]));
      expect(await endState(shop, person, report.pseudonym), `crash after step ${crashAt}`).toEqual(expected);
      expect(await scanDatabaseFor(t.db, person.email)).toEqual([]);
      expect(await scanDatabaseFor(t.db, lastname)).toEqual([]);
    }
  });
});
