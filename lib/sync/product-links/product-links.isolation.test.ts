/**
 * Two shops in two databases on one server: product links, auto-match and unlinking opened for one
 * shop never read or change the other's accounts or links, and answer not found for its ids.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { productLinks, tenants } from '@/lib/db/schema';
import { createMarketplaceAccount } from '@/lib/marketplace-accounts';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { ServiceError } from '@/lib/errors/service-error';
import { linkProduct } from './link-product';
import { unlinkProduct } from './unlink-product';
import { previewAutoMatch } from './auto-match';
import { listProductLinkRows } from './list-product-link-rows';
import { readShopPricing } from '../read-shop-stock-prices';

let main: TestDatabase;
let shopB: TestDatabase;
let shopA: TenantDb;
let accountA: number;
let accountB: number;
let linkB: number;
const actor = { userId: null, username: 'test' };

beforeAll(async () => {
  [main, shopB] = await Promise.all([createAppTestDatabase('linkiso'), createOpenCartTestDatabase('linkisob', 'shop_')]);
  const key = encryptionKeyFrom(randomBytes(32).toString('base64'));
  const [a] = await main.db.select().from(tenants).where(eq(tenants.slug, 'default'));
  const [created] = await main.db.insert(tenants).values({ slug: 'shop-b', name: 'Shop B', databaseUrl: shopB.url, tablePrefix: 'shop_' }).$returningId();
  shopA = tenantDb({ id: a!.id, slug: a!.slug, name: a!.name, prefix: a!.tablePrefix, storeId: 0 }, main.url);
  const account = (tenantId: number, name: string) =>
    createMarketplaceAccount(main.db, { tenantId, marketplace: 'generic', name, authType: 'hmac', skuMatch: 'model' }, { key, actor });
  accountA = (await account(a!.id, 'A listings')).account.id;
  accountB = (await account(created!.id, 'B listings')).account.id;
  const [link] = await main.db
    .insert(productLinks)
    .values({ tenantId: created!.id, accountId: accountB, marketplaceSku: 'B-SKU-40', ocProductId: 40, createdBy: 'test' })
    .$returningId();
  linkB = link!.id;
});
afterAll(async () => Promise.all([main?.drop(), shopB?.drop()]));

async function expectNotFound(run: () => Promise<unknown>) {
  const err = await run().then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ServiceError);
  expect((err as ServiceError).code).toBe('NOT_FOUND');
}

describe('product links across shops', () => {
  it('linking a product to the other shop’s account is not found, and writes nothing', async () => {
    await expectNotFound(() => linkProduct(main.db, { accountId: accountB, productId: 40, marketplaceSku: 'A-SKU' }, { actor, shop: shopA }));
    expect(await main.db.select().from(productLinks).where(eq(productLinks.marketplaceSku, 'A-SKU'))).toHaveLength(0);
  });

  it('auto-match for the other shop’s account is not found', async () => {
    await expectNotFound(() => previewAutoMatch(main.db, shopA, { accountId: accountB, languageId: 1 }));
  });

  it('unlinking the other shop’s link is not found and leaves it in place', async () => {
    await expectNotFound(() => unlinkProduct(main.db, shopA.tenant.id, { linkId: linkB }, { actor }));
    expect(await main.db.select().from(productLinks).where(eq(productLinks.id, linkB))).toHaveLength(1);
  });

  it('listing products with the other shop’s account is not found, so its links are never shown', async () => {
    const pricing = await readShopPricing(shopA, new Date());
    await expectNotFound(() => listProductLinkRows(main.db, shopA, { accountId: accountB, languageId: 1, pricing, filter: 'all', page: 1 }));
  });

  it('the shop’s own account still links', async () => {
    const link = await linkProduct(main.db, { accountId: accountA, productId: 40, marketplaceSku: 'A-SKU' }, { actor, shop: shopA });
    expect(link).toMatchObject({ tenantId: shopA.tenant.id, accountId: accountA, ocProductId: 40 });
  });
});
