import { sql, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants } from '@/lib/db/schema';
import { recordConnectionTestVersion } from '@/lib/opencart-version/tenant-version';
import { createAppTestDatabaseFor, createOpenCart4TestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { publicTenant } from './public-tenant';
import { requiredOpenCartTables, testTenantConnection } from './test-tenant-connection';

let main: TestDatabase;
let shop4: TestDatabase;

beforeAll(async () => {
  [main, shop4] = await Promise.all([createAppTestDatabaseFor('3.0', 'conn3'), createOpenCart4TestDatabase('conn4', 'shop_')]);
});
afterAll(async () => {
  await Promise.all([main?.drop(), shop4?.drop()]);
});

describe('a connection test names the OpenCart line it found', () => {
  it('answers 3.0 for a 3.0.4.1 database, checking 3.0 tables', async () => {
    const result = await testTenantConnection(main.url, 'oc_');
    expect(result).toMatchObject({ ok: true, opencartVersion: '3.0', tableCount: requiredOpenCartTables('oc_').length });
  });

  it('answers 4.0 for a 4.0.2.3 database, checking 4.0 tables (with oc_gdpr and oc_address_format)', async () => {
    const result = await testTenantConnection(shop4.url, 'shop_');
    expect(result).toMatchObject({ ok: true, opencartVersion: '4.0', tableCount: requiredOpenCartTables('shop_', '4.0').length });
    expect(requiredOpenCartTables('shop_', '4.0')).toEqual(expect.arrayContaining(['shop_gdpr', 'shop_address_format']));
    expect(requiredOpenCartTables('shop_', '4.0').length).toBe(requiredOpenCartTables('shop_').length + 2);
  });

  it('names the missing 4.0 table of a 4.0 shop', async () => {
    await shop4.db.execute(sql`RENAME TABLE shop_address_format TO shop_address_format_gone`);
    const result = await testTenantConnection(shop4.url, 'shop_');
    expect(result).toMatchObject({ ok: false, problem: 'missing_tables', missing: ['shop_address_format'] });
    await shop4.db.execute(sql`RENAME TABLE shop_address_format_gone TO shop_address_format`);
  });

  it('says when the tables fit neither line, with the markers it found', async () => {
    await main.db.execute(sql`ALTER TABLE oc_product ADD master_id int NOT NULL DEFAULT 0`);
    const result = await testTenantConnection(main.url, 'oc_');
    expect(result).toMatchObject({ ok: false, problem: 'unknown_version', found: ['product.master_id', 'order.payment_code', 'product.viewed'] });
    await main.db.execute(sql`ALTER TABLE oc_product DROP master_id`);
  });
});

describe('recordConnectionTestVersion', () => {
  it('stores what a test detected on the tenant, and what the shops page then shows', async () => {
    const [tenant] = await main.db.select().from(tenants);
    expect(publicTenant(tenant!)).toMatchObject({ opencartVersion: '', opencartVersionCheckedAt: null });
    const at = new Date('2026-11-28T05:00:00.000Z');
    await recordConnectionTestVersion(main.db, tenant!.id, await testTenantConnection(shop4.url, 'shop_'), at);
    const [after] = await main.db.select().from(tenants).where(eq(tenants.id, tenant!.id));
    expect(publicTenant(after!)).toMatchObject({ opencartVersion: '4.0', opencartVersionCheckedAt: at.toISOString() });
  });

  it('leaves the stored version alone when the test could not look', async () => {
    const [tenant] = await main.db.select().from(tenants);
    await recordConnectionTestVersion(main.db, tenant!.id, await testTenantConnection('mysql://root@127.0.0.1:1/x', 'oc_'));
    const [after] = await main.db.select({ v: tenants.opencartVersion }).from(tenants).where(eq(tenants.id, tenant!.id));
    expect(after?.v).toBe('4.0');
  });
});
