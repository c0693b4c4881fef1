import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants } from '@/lib/db/schema';
import { createAppTestDatabaseFor, createOpenCart4TestDatabase, createTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenantDb } from '@/lib/tenants/tenant-db';
import { detectOpenCartVersion, versionFromMarkers } from './detect-opencart-version';
import { forgetOpenCartVersions, openCartVersionOf, versionedTables } from './shop-version';
import { recordTenantOpenCartVersion, storedOpenCartVersion } from './tenant-version';

let v3: TestDatabase;
let v4: TestDatabase;
let odd: TestDatabase;

beforeAll(async () => {
  [v3, v4, odd] = await Promise.all([
    createAppTestDatabaseFor('3.0', 'ver3'),
    createOpenCart4TestDatabase('ver4', 'shop_'),
    createTestDatabase('verodd'),
  ]);
});
afterAll(async () => {
  await Promise.all([v3?.drop(), v4?.drop(), odd?.drop()]);
});

describe('detectOpenCartVersion', () => {
  it('reads 3.0 from a 3.0.4.1 database', async () => {
    expect(await detectOpenCartVersion(v3.db, 'oc_')).toEqual({ version: '3.0', found: ['order.payment_code', 'product.viewed'] });
  });

  it('reads 4.0 from a 4.0.2.3 database, through its own prefix', async () => {
    expect(await detectOpenCartVersion(v4.db, 'shop_')).toEqual({
      version: '4.0',
      found: ['gdpr.gdpr_id', 'product.master_id', 'order.subscription_id'],
    });
  });

  it('finds nothing under a prefix the database does not use', async () => {
    expect(await detectOpenCartVersion(v4.db, 'oc_')).toEqual({ version: null, found: [] });
  });

  it('calls a half-upgraded database neither, and a 3.0 shop with a GDPR extension table still 3.0', async () => {
    await odd.db.execute(sql`CREATE TABLE x_product (product_id int, viewed int)`);
    await odd.db.execute(sql`CREATE TABLE x_order (order_id int, payment_code varchar(128))`);
    await odd.db.execute(sql`CREATE TABLE x_gdpr (gdpr_id int)`);
    expect((await detectOpenCartVersion(odd.db, 'x_')).version).toBe('3.0');
    await odd.db.execute(sql`ALTER TABLE x_product ADD master_id int`);
    expect((await detectOpenCartVersion(odd.db, 'x_')).version).toBeNull();
  });

  it('refuses a prefix that could break out of an identifier', async () => {
    await expect(detectOpenCartVersion(v3.db, "oc_' OR 1=1 --")).rejects.toThrow(/Invalid table prefix/);
  });
});

describe('versionFromMarkers', () => {
  it('needs every marker of one line', () => {
    expect(versionFromMarkers(new Set(['gdpr.gdpr_id', 'product.master_id']))).toBeNull();
    expect(versionFromMarkers(new Set(['order.payment_code']))).toBeNull();
  });
});

describe('openCartVersionOf', () => {
  const shop = (t: TestDatabase, prefix: string) => tenantDb({ id: 1, slug: 's', name: 'S', prefix, storeId: 0 }, t.url);

  it('answers each shop its own line, and the tables that go with it', async () => {
    expect(await openCartVersionOf(shop(v3, 'oc_'))).toBe('3.0');
    expect(await openCartVersionOf(shop(v4, 'shop_'))).toBe('4.0');
    const tables = await versionedTables(shop(v4, 'shop_'));
    expect(tables.version).toBe('4.0');
    if (tables.version !== '4.0') throw new Error('expected 4.0');
    const [gdprCount] = await v4.db.select({ n: sql<number>`COUNT(*)` }).from(tables.oc.gdpr);
    expect(Number(gdprCount?.n)).toBe(0);
  });

  it('remembers what it detected until told to forget, then looks again', async () => {
    await odd.db.execute(sql`CREATE TABLE y_product (product_id int, viewed int)`);
    await odd.db.execute(sql`CREATE TABLE y_order (order_id int, payment_code varchar(128))`);
    const y = shop(odd, 'y_');
    expect(await openCartVersionOf(y)).toBe('3.0');
    await odd.db.execute(sql`ALTER TABLE y_product DROP viewed, ADD master_id int`);
    await odd.db.execute(sql`ALTER TABLE y_order DROP payment_code, ADD subscription_id int`);
    await odd.db.execute(sql`CREATE TABLE y_gdpr (gdpr_id int)`);
    expect(await openCartVersionOf(y)).toBe('3.0');
    forgetOpenCartVersions();
    expect(await openCartVersionOf(y)).toBe('4.0');
  });

  it('refuses a shop whose tables fit neither line, with what it found', async () => {
    await expect(openCartVersionOf(shop(odd, 'x_'))).rejects.toThrow(/fit neither OpenCart 3.0 nor 4.0 \(found: gdpr.gdpr_id, product.master_id/);
  });
});

describe('recordTenantOpenCartVersion', () => {
  it('stores the version and when it was checked on the tenant', async () => {
    const [tenant] = await v3.db.select().from(tenants);
    expect(storedOpenCartVersion(tenant!)).toBeNull();
    const at = new Date('2026-11-28T04:00:00.000Z');
    await recordTenantOpenCartVersion(v3.db, tenant!.id, '3.0', at);
    const [after] = await v3.db.select().from(tenants).where(eq(tenants.id, tenant!.id));
    expect(after).toMatchObject({ opencartVersion: '3.0', opencartVersionCheckedAt: at });
    expect(storedOpenCartVersion(after!)).toBe('3.0');
    await recordTenantOpenCartVersion(v3.db, tenant!.id, null, at);
    const [cleared] = await v3.db.select({ v: tenants.opencartVersion }).from(tenants).where(eq(tenants.id, tenant!.id));
    expect(cleared?.v).toBe('');
  });
});
