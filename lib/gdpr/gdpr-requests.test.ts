import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenants } from '@/lib/db/schema';
import { openTenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { closeRequest } from './close-request';
import { adminRequestInputSchema, createAdminRequest, createRequest, extendRequest, getRequest, listRequestEvents, listRequests, verifyIdentity } from './requests';

const ctx = { actor: { userId: 1, username: 'admin' } };

describe('privacy requests', () => {
  let t: TestDatabase;
  let shop: TenantDb;

  beforeAll(async () => {
    t = await createAppTestDatabase('gdprrequests');
    const [tenant] = await t.db.select().from(tenants);
    shop = openTenantDb(tenant!, t.url);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('an admin files one received by phone: due one month after the day it came, verified, with its trail', async () => {
    const input = adminRequestInputSchema.parse({ type: 'rectification', email: ' Ali@Example.COM ', identityMethod: 'phone_callback', receivedOn: '2026-10-31', customerId: '', orderId: '' });
    const id = await createAdminRequest(t.db, shop.tenant.id, input, ctx, new Date('2026-11-02T10:00:00Z'));
    const request = await getRequest(t.db, shop.tenant.id, id);
    expect(request).toMatchObject({ status: 'open', source: 'admin', email: 'ali@example.com', identityMethod: 'phone_callback', customerId: null });
    expect(request.dueAt.toISOString()).toBe('2026-11-30T12:00:00.000Z');
    expect((await listRequestEvents(t.db, shop.tenant.id, id)).map((e) => e.action)).toEqual(['received']);
    await expect(createAdminRequest(t.db, shop.tenant.id, adminRequestInputSchema.parse({ ...input, receivedOn: '2026-12-25' }), ctx, new Date('2026-11-02T10:00:00Z'))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('the due date is extended once by two months with a reason; a second extension is refused', async () => {
    const id = await createRequest(t.db, { tenantId: shop.tenant.id, type: 'access', source: 'admin', email: 'ext@example.com', language: 'en', identityMethod: 'in_person', receivedAt: new Date('2026-11-10T09:00:00Z') }, ctx);
    const due = await extendRequest(t.db, shop.tenant.id, { id, reason: 'Many orders across two shops to collect' }, ctx);
    expect(due.toISOString()).toBe('2027-02-10T09:00:00.000Z');
    await expect(extendRequest(t.db, shop.tenant.id, { id, reason: 'Once more, please, it is a lot' }, ctx)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getRequest(t.db, shop.tenant.id, id)).extensionReason).toBe('Many orders across two shops to collect');
  });

  it('an unverified request becomes open when the identity is recorded, and cannot be completed before', async () => {
    const id = await createRequest(t.db, { tenantId: shop.tenant.id, type: 'access', source: 'public_page', email: 'later@example.com', language: 'tr', receivedAt: new Date() }, ctx);
    await expect(closeRequest(t.db, shop, { id, outcome: 'completed', note: 'sent' }, ctx)).rejects.toMatchObject({ code: 'CONFLICT' });
    await verifyIdentity(t.db, shop.tenant.id, { id, method: 'id_document', note: 'passport seen' }, ctx);
    expect(await getRequest(t.db, shop.tenant.id, id)).toMatchObject({ status: 'open', identityMethod: 'id_document', identityNote: 'passport seen' });
    await closeRequest(t.db, shop, { id, outcome: 'completed', note: 'export sent by mail' }, ctx);
    await expect(closeRequest(t.db, shop, { id, outcome: 'rejected', note: 'too late' }, ctx)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lists open requests soonest due first and filters by state, type and email', async () => {
    const open = await listRequests(t.db, shop.tenant.id, { state: 'open', q: undefined, page: 1 });
    const dues = open.rows.map((r) => r.dueAt.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(open.rows.every((r) => r.status !== 'completed' && r.status !== 'rejected')).toBe(true);
    const closed = await listRequests(t.db, shop.tenant.id, { state: 'closed', q: undefined, page: 1 });
    expect(closed.rows.map((r) => r.email)).toEqual(['later@example.com']);
    const byType = await listRequests(t.db, shop.tenant.id, { state: 'all', type: 'rectification', q: undefined, page: 1 });
    expect(byType.rows.map((r) => r.email)).toEqual(['ali@example.com']);
    const byEmail = await listRequests(t.db, shop.tenant.id, { state: 'all', q: 'EXT@', page: 1 });
    expect(byEmail.total).toBe(1);
  });
});
