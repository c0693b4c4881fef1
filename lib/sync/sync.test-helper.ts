/** Shared set-up for the sync's tests: a shop with many products, an account, links, and a job context. */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { openCart4Tables, openCartTables } from '@/lib/db/opencart';
import { detectOpenCartVersion } from '@/lib/opencart-version/detect-opencart-version';
import { marketplaceAccounts, productLinks, syncBatches, syncOutbox, tenants } from '@/lib/db/schema';
import type { JobContext, JobResult } from '@/lib/jobs/types';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import type { MarketplaceClient } from '@/lib/marketplaces/outbound/types';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import type { TestDatabase } from '@/lib/testing/harness';
import { runStockPriceSync } from './run-stock-price-sync';

export const oc = openCartTables('oc_');
/** Products the tests add start here, above OpenCart's sample ids (28–49). */
export const FIRST_TEST_PRODUCT_ID = 1_000;
const INSERT_CHUNK = 1_000;

export const skuOf = (productId: number) => `SKU-${productId}`;

export type SyncFixture = { tenantId: number; shop: TenantDb };

export async function openFixture(t: TestDatabase): Promise<SyncFixture> {
  const [tenant] = await t.db.select().from(tenants).where(eq(tenants.slug, 'default'));
  if (!tenant) throw new Error('The test database has no default tenant');
  return { tenantId: tenant.id, shop: tenantDb({ id: tenant.id, slug: tenant.slug, name: tenant.name, prefix: 'oc_', storeId: 0 }, t.url) };
}

export async function addAccount(db: Db, tenantId: number, marketplace: MarketplaceName = 'trendyol', name = 'Test store'): Promise<number> {
  const [account] = await db
    .insert(marketplaceAccounts)
    .values({ tenantId, marketplace, name, authType: 'apikey', secretCiphertext: 'unused', skuMatch: 'sku' })
    .$returningId();
  return account!.id;
}

/**
 * `count` products from `firstId`, each with SKU `SKU-<id>`, 10 in stock at 100.00, in the default store,
 * as rows of the shop's own OpenCart line (4.0's product has no `viewed` and needs `image` and `rating`).
 */
export async function addProducts(db: Db, count: number, firstId = FIRST_TEST_PRODUCT_ID): Promise<number[]> {
  const ids = Array.from({ length: count }, (_, i) => firstId + i);
  const { version } = await detectOpenCartVersion(db, 'oc_');
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    const chunk = ids.slice(i, i + INSERT_CHUNK);
    const product = version === '4.0' ? openCart4Tables('oc_').product : oc.product;
    await db.insert(product).values(
      chunk.map((id) => ({
        ...(version === '4.0' ? { image: '', dateAvailable: '2024-01-01', rating: 0 } : {}),
        productId: id,
        model: `Model ${id}`,
        sku: skuOf(id),
        upc: '',
        ean: '',
        jan: '',
        isbn: '',
        mpn: '',
        location: '',
        quantity: 10,
        stockStatusId: 7,
        manufacturerId: 0,
        price: '100.0000',
        taxClassId: 0,
        status: 1,
        dateAdded: '2024-01-01 00:00:00',
        dateModified: '2024-01-01 00:00:00',
      })),
    );
    await db.insert(oc.productToStore).values(chunk.map((id) => ({ productId: id, storeId: 0 })));
    await db.insert(oc.productDescription).values(
      chunk.map((id) => ({ productId: id, languageId: 1, name: `Product ${id}`, description: '', tag: '', metaTitle: '', metaDescription: '', metaKeyword: '' })),
    );
  }
  return ids;
}

/** Links each product to the account under `SKU-<id>`. */
export async function linkProducts(db: Db, tenantId: number, accountId: number, productIds: readonly number[]) {
  for (let i = 0; i < productIds.length; i += INSERT_CHUNK) {
    await db.insert(productLinks).values(
      productIds.slice(i, i + INSERT_CHUNK).map((id) => ({ tenantId, accountId, marketplaceSku: skuOf(id), ocProductId: id, createdBy: 'test' })),
    );
  }
}

export async function setQuantity(db: Db, productIds: readonly number[], quantity: number) {
  await db.update(oc.product).set({ quantity }).where(inArray(oc.product.productId, [...productIds]));
}

export async function setPrice(db: Db, productIds: readonly number[], price: string) {
  await db.update(oc.product).set({ price }).where(inArray(oc.product.productId, [...productIds]));
}

/** A clock the test moves by hand. */
export function testClock(start = new Date('2025-06-02T09:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export function jobContext(t: TestDatabase, fixture: SyncFixture, options: { shouldStop?: () => boolean } = {}): JobContext {
  return {
    tenant: fixture.shop,
    mainDb: t.db,
    mainDatabaseUrl: t.url,
    key: Buffer.alloc(32),
    runId: 1,
    trigger: 'manual',
    deadline: Number.MAX_SAFE_INTEGER,
    shouldStop: options.shouldStop ?? (() => false),
  };
}

/** One run of the sync with the given clients per account id. */
export function runSync(
  t: TestDatabase,
  fixture: SyncFixture,
  clients: ReadonlyMap<number, MarketplaceClient> | MarketplaceClient,
  clock: () => Date,
  options: { shouldStop?: () => boolean } = {},
): Promise<JobResult> {
  return runStockPriceSync(jobContext(t, fixture, options), {
    clock,
    clientFor: async (account) => {
      const client = 'get' in clients ? clients.get(account.id) : clients;
      if (!client) throw new Error(`no client for account ${account.id}`);
      return client;
    },
  });
}

export async function outboxOf(db: Db, accountId: number) {
  return db.select().from(syncOutbox).where(eq(syncOutbox.accountId, accountId)).orderBy(syncOutbox.id);
}

export async function batchesOf(db: Db, accountId: number) {
  return db.select().from(syncBatches).where(eq(syncBatches.accountId, accountId)).orderBy(syncBatches.id);
}

export async function countByStatus(db: Db, accountId: number): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: syncOutbox.status, n: sql<number>`COUNT(*)` })
    .from(syncOutbox)
    .where(eq(syncOutbox.accountId, accountId))
    .groupBy(syncOutbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
