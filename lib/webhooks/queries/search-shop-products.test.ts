import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { searchShopProducts } from './search-shop-products';

// OpenCart 3.0.4.1's sample catalogue: product 42 is model "Product 15", the Apple Cinema 30", in store 0.
const ENGLISH = 1;

let database: TestDatabase;
let store0: TenantDb;
let store1: TenantDb;

beforeAll(async () => {
  database = await createOpenCartTestDatabase('whsearch');
  store0 = tenantDb({ id: 1, slug: 's0', name: 'Store 0', prefix: 'oc_', storeId: 0 }, database.url);
  store1 = tenantDb({ id: 2, slug: 's1', name: 'Store 1', prefix: 'oc_', storeId: 1 }, database.url);
});

afterAll(async () => {
  await database?.drop();
});

describe('product search for a SKU mapping', () => {
  it('finds a product by model, by name and by id', async () => {
    const byModel = await searchShopProducts(store0, { query: 'Product 15', languageId: ENGLISH });
    const byName = await searchShopProducts(store0, { query: 'cinema', languageId: ENGLISH });
    const byId = await searchShopProducts(store0, { query: '42', languageId: ENGLISH });

    expect(byModel).toEqual([{ productId: 42, name: 'Apple Cinema 30"', model: 'Product 15', sku: '' }]);
    expect(byName.map((p) => p.productId)).toEqual([42]);
    expect(byId.map((p) => p.productId)).toContain(42);
  });

  it('treats % and _ as plain characters', async () => {
    expect(await searchShopProducts(store0, { query: '%', languageId: ENGLISH })).toEqual([]);
  });

  it('finds only products of the tenant’s store', async () => {
    expect(await searchShopProducts(store1, { query: 'Product 15', languageId: ENGLISH })).toEqual([]);
  });
});
