import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { openCartTables } from '@/lib/db/opencart';
import { auditLog, marketplaceAccounts, productLinks, tenants } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { addProductLink } from './add-product-link';
import { resolveSkus } from './resolve-skus';

const oc = openCartTables('oc_');
const actor = { userId: 1, username: 'admin' };
let t: TestDatabase;
let tenantId: number;
let accountId: number;
let shop: TenantDb;

beforeAll(async () => {
  t = await createAppTestDatabase('links');
  const [tenant] = await t.db.select().from(tenants).where(eq(tenants.slug, 'default'));
  tenantId = tenant!.id;
  shop = tenantDb({ id: tenantId, slug: 'default', name: 'Shop', prefix: 'oc_', storeId: 0 }, t.url);
  const [account] = await t.db
    .insert(marketplaceAccounts)
    .values({ tenantId, marketplace: 'hepsiburada', name: 'HB', authType: 'basic', secretCiphertext: 'unused', skuMatch: 'sku' })
    .$returningId();
  accountId = account!.id;
  // Stored as OpenCart stores what its admin form receives: HTML-escaped.
  await t.db.update(oc.product).set({ sku: 'A&amp;B-1', ean: '8690000000001', upc: '012345678905', mpn: 'MPN-9' }).where(eq(oc.product.productId, 30));
  await t.db.update(oc.product).set({ sku: 'CASE-1' }).where(eq(oc.product.productId, 31));
});
afterAll(async () => t?.drop());

const resolve = (skus: string[], skuMatch: 'sku' | 'model' | 'ean' | 'upc' | 'mpn' = 'sku', tdb = shop) =>
  resolveSkus(t.db, tdb, { accountId, skuMatch, skus });

describe('SKU matching', () => {
  it("matches the account's column exactly, against OpenCart's HTML-escaped text", async () => {
    const result = await resolve(['A&B-1', 'case-1', 'CASE-1 ', 'CASE-1', '']);
    expect(result.products).toEqual(
      new Map([
        ['A&B-1', { productId: 30, model: 'Product 3', via: 'sku' }],
        ['CASE-1', { productId: 31, model: 'Product 4', via: 'sku' }],
      ]),
    );
    expect(result.unknown).toEqual(['case-1', 'CASE-1 ', '']);
  });

  it('matches by model, ean, upc or mpn when the account says so', async () => {
    expect((await resolve(['Product 3'], 'model')).products.get('Product 3')?.productId).toBe(30);
    expect((await resolve(['8690000000001'], 'ean')).products.get('8690000000001')?.productId).toBe(30);
    expect((await resolve(['012345678905'], 'upc')).products.get('012345678905')?.productId).toBe(30);
    expect((await resolve(['MPN-9'], 'mpn')).products.get('MPN-9')?.productId).toBe(30);
  });

  it("only finds products of the tenant's store", async () => {
    const otherStore = tenantDb({ id: tenantId, slug: 'default', name: 'Shop', prefix: 'oc_', storeId: 1 }, t.url);
    await t.db.insert(oc.productToStore).values({ productId: 31, storeId: 1 });
    const result = await resolve(['CASE-1', 'A&B-1'], 'sku', otherStore);
    expect([...result.products.keys()]).toEqual(['CASE-1']);
    expect(result.unknown).toEqual(['A&B-1']);
  });

  it('prefers an explicit link, and reports a link whose product is gone', async () => {
    await t.db.insert(productLinks).values([
      { tenantId, accountId, marketplaceSku: 'CASE-1', ocProductId: 40, createdBy: 'test' },
      { tenantId, accountId, marketplaceSku: 'GONE', ocProductId: 9999, createdBy: 'test' },
    ]);
    const result = await resolve(['CASE-1', 'GONE']);
    expect(result.products.get('CASE-1')).toEqual({ productId: 40, model: 'product 11', via: 'link' });
    expect(result.brokenLinks).toEqual([{ sku: 'GONE', productId: 9999 }]);
  });
});

describe('addProductLink', () => {
  it('adds a mapping and replaces it later, each with an audit row', async () => {
    const added = await addProductLink(t.db, { tenantId, accountId, marketplaceSku: 'NEW-1', ocProductId: 33 }, { actor, shop });
    expect(added).toMatchObject({ marketplaceSku: 'NEW-1', ocProductId: 33, createdBy: 'admin' });
    const changed = await addProductLink(t.db, { tenantId, accountId, marketplaceSku: 'NEW-1', ocProductId: 34 }, { actor, shop });
    expect(changed).toMatchObject({ id: added.id, ocProductId: 34 });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, String(added.id)));
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['product_link.add', null, { accountId, marketplaceSku: 'NEW-1', ocProductId: 33 }],
      ['product_link.update', { marketplaceSku: 'NEW-1', ocProductId: 33 }, { accountId, marketplaceSku: 'NEW-1', ocProductId: 34 }],
    ]);
  });

  it("refuses a product the shop lacks, another tenant's account, and a blank SKU", async () => {
    const attempt = (input: Partial<Parameters<typeof addProductLink>[1]>) =>
      addProductLink(t.db, { tenantId, accountId, marketplaceSku: 'X', ocProductId: 33, ...input }, { actor, shop });
    await expect(attempt({ ocProductId: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(attempt({ accountId: accountId + 100 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(attempt({ marketplaceSku: '   ' })).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt({ tenantId: tenantId + 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
