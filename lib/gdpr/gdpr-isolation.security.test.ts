import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { gdprRequests, tenants } from '@/lib/db/schema';
import { openTenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { closeRequest } from './close-request';
import { createExport } from './export';
import { createRequest, extendRequest, getRequest, listRequests, verifyIdentity } from './requests';
import { getErasureReport, runErasure } from './run-erasure';
import { seedPerson } from './gdpr.test-helper';

const ctx = { actor: { userId: 1, username: 'admin' } };

describe("another shop's privacy requests", () => {
  let t: TestDatabase;
  let mine: TenantDb;
  let theirs: TenantDb;
  let theirRequest: number;

  beforeAll(async () => {
    t = await createAppTestDatabase('gdpriso');
    const [first] = await t.db.select().from(tenants);
    await t.db.insert(tenants).values({ slug: 'other-shop', name: 'Other shop', tablePrefix: 'oc_', storeId: 0 });
    const [second] = await t.db.select().from(tenants).where(eq(tenants.slug, 'other-shop'));
    mine = openTenantDb(first!, t.url);
    theirs = openTenantDb(second!, t.url);
    await seedPerson(theirs, t.db, { email: 'their.customer@example.com', firstname: 'Baska', lastname: 'Magazali' });
    theirRequest = await createRequest(
      t.db,
      { tenantId: theirs.tenant.id, type: 'erasure', source: 'admin', email: 'their.customer@example.com', language: 'en', identityMethod: 'in_person', receivedAt: new Date() },
      ctx,
    );
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('are not listed, and every action on their ids answers not found without changing them', async () => {
    const listed = await listRequests(t.db, mine.tenant.id, { state: 'all', q: undefined, page: 1 });
    expect(listed.rows.map((r) => r.id)).not.toContain(theirRequest);
    const notFound = { code: 'NOT_FOUND' };
    await expect(getRequest(t.db, mine.tenant.id, theirRequest)).rejects.toMatchObject(notFound);
    await expect(extendRequest(t.db, mine.tenant.id, { id: theirRequest, reason: 'a long enough reason' }, ctx)).rejects.toMatchObject(notFound);
    await expect(verifyIdentity(t.db, mine.tenant.id, { id: theirRequest, method: 'other', note: '' }, ctx)).rejects.toMatchObject(notFound);
    await expect(closeRequest(t.db, mine, { id: theirRequest, outcome: 'rejected', note: 'not ours' }, ctx)).rejects.toMatchObject(notFound);
    await expect(createExport(t.db, mine, theirRequest, ctx)).rejects.toMatchObject(notFound);
    await expect(runErasure({ shop: mine, mainDb: t.db, mainDatabaseUrl: t.url, requestId: theirRequest }, ctx)).rejects.toMatchObject(notFound);
    await expect(getErasureReport(t.db, mine, theirRequest)).rejects.toMatchObject(notFound);
    const [row] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, theirRequest));
    expect(row).toMatchObject({ status: 'open', extendedAt: null, email: 'their.customer@example.com' });
  });

  it('an erasure in one shop leaves companion rows of the other shop alone', async () => {
    await seedPerson(mine, t.db, { email: 'shared.person@example.com', firstname: 'Ortak', lastname: 'Musteri' });
    const requestId = await createRequest(
      t.db,
      { tenantId: theirs.tenant.id, type: 'erasure', source: 'admin', email: 'shared.person@example.com', language: 'en', identityMethod: 'in_person', receivedAt: new Date() },
      ctx,
    );
    const mineBefore = await createRequest(
      t.db,
      { tenantId: mine.tenant.id, type: 'access', source: 'admin', email: 'shared.person@example.com', language: 'en', identityMethod: 'in_person', receivedAt: new Date() },
      ctx,
    );
    const report = await runErasure({ shop: theirs, mainDb: t.db, mainDatabaseUrl: t.url, requestId }, ctx);
    const companion = report.lines.filter((l) => l.table.startsWith('msc_'));
    // Both shops share one database here, so OpenCart rows are found by both; companion rows are per shop.
    expect(companion.map((l) => l.table)).toEqual(['msc_gdpr_request']);
    const [untouched] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, mineBefore));
    expect(untouched!.email).toBe('shared.person@example.com');
  });
});
