import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createAppTestDatabase, TEST_OPENCART_VERSION, type TestDatabase } from '@/lib/testing/harness';
import { gdprRequests, tenants } from '@/lib/db/schema';
import { openTenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { previewPerson } from './find-person';
import { importOpenCartGdprRequests } from './opencart-gdpr-sync';
import { findOpenCartGdprTable, openCartGdprTable } from './opencart-gdpr-table';
import { closeRequest } from './close-request';
import { createRequest } from './requests';
import { runErasure } from './run-erasure';
import { scanDatabaseFor, seedPerson } from './gdpr.test-helper';

const ctx = { actor: { userId: 1, username: 'admin' } };

describe("OpenCart 4's oc_gdpr", () => {
  let t: TestDatabase;
  let shop: TenantDb;

  beforeAll(async () => {
    t = await createAppTestDatabase('gdproc');
    const [tenant] = await t.db.select().from(tenants);
    shop = openTenantDb(tenant!, t.url);
  });
  afterAll(async () => {
    await t?.drop();
  });

  // A fact about 3.0's tables: OpenCart 4.0's installer creates the table, as the next test uses.
  it.skipIf(TEST_OPENCART_VERSION === '4.0')('is ignored on OpenCart 3, where it does not exist: no import, and previews and erasures work without it', async () => {
    expect(await findOpenCartGdprTable(shop.db, 'oc_')).toBeNull();
    expect(await importOpenCartGdprRequests(shop, t.db)).toEqual({ table: 'absent', imported: 0, verified: 0, skipped: 0 });
    const preview = await previewPerson(shop, t.db, { email: 'nobody@example.com' });
    expect(preview.tables.map((p) => p.table)).not.toContain('oc_gdpr');
  });

  it('where it exists, its requests are read into the list and kept in step both ways', async () => {
    // OpenCart 4.0.2.3's own definition of the table, which its installer made already on a 4.0 shop.
    if (TEST_OPENCART_VERSION === '3.0') await t.db.execute(sql`CREATE TABLE oc_gdpr (gdpr_id int(11) NOT NULL AUTO_INCREMENT, store_id int(11) NOT NULL, language_id int(11) NOT NULL,
      code varchar(40) NOT NULL, email varchar(96) NOT NULL, action varchar(6) NOT NULL, status tinyint(1) NOT NULL, date_added datetime NOT NULL,
      PRIMARY KEY (gdpr_id)) ENGINE=InnoDB`);
    const oc = openCartGdprTable('oc_');
    const person = await seedPerson(shop, t.db, { email: 'oc4.person@example.com', firstname: 'Oya', lastname: 'Dortversiyon' });
    const [removal] = await t.db.insert(oc).values({ storeId: 0, languageId: 1, code: 'a'.repeat(32), email: person.email, action: 'remove', status: 0, dateAdded: '2026-11-01 09:00:00' }).$returningId();
    const [exportRow] = await t.db.insert(oc).values({ storeId: 0, languageId: 1, code: 'b'.repeat(32), email: 'other@example.com', action: 'export', status: 1, dateAdded: '2026-11-02 09:00:00' }).$returningId();

    expect(await importOpenCartGdprRequests(shop, t.db)).toMatchObject({ table: 'present', imported: 2 });
    expect(await importOpenCartGdprRequests(shop, t.db)).toMatchObject({ imported: 0, verified: 0 });
    const [erasure] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.ocGdprId, removal!.gdprId));
    expect(erasure).toMatchObject({ type: 'erasure', source: 'opencart', status: 'unverified' });
    expect(erasure!.dueAt.toISOString()).toBe('2026-12-01T09:00:00.000Z');

    // The person clicks OpenCart's link: the request becomes verified here too.
    await t.db.update(oc).set({ status: 1 }).where(eq(oc.gdprId, removal!.gdprId));
    expect(await importOpenCartGdprRequests(shop, t.db)).toMatchObject({ verified: 1 });
    const report = await runErasure({ shop, mainDb: t.db, mainDatabaseUrl: t.url, requestId: erasure!.id }, ctx);
    expect(report.lines.map((l) => l.table)).toContain('oc_gdpr');
    const [after] = await t.db.select().from(oc).where(eq(oc.gdprId, removal!.gdprId));
    expect(after!.status).toBe(3);
    expect(await scanDatabaseFor(t.db, person.email)).toEqual([]);

    // An erasure completes by running it, not by closing it as done.
    const other = await createRequest(t.db, { tenantId: shop.tenant.id, type: 'erasure', source: 'admin', email: 'x@example.com', language: 'en', identityMethod: 'other', receivedAt: new Date() }, ctx);
    await expect(closeRequest(t.db, shop, { id: other, outcome: 'completed', note: 'done by hand' }, ctx)).rejects.toMatchObject({ code: 'CONFLICT' });
    const [access] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.ocGdprId, exportRow!.gdprId));
    await closeRequest(t.db, shop, { id: access!.id, outcome: 'rejected', note: 'Not a customer of this shop' }, ctx);
    const [denied] = await t.db.select().from(oc).where(eq(oc.gdprId, exportRow!.gdprId));
    expect(denied!.status).toBe(-1);
  });
});
