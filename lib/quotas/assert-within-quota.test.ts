import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { retryOnDeadlock } from '@/lib/db/retry-on-deadlock';
import { alerts, marketplaceAccounts, productLinks, tenants } from '@/lib/db/schema';
import { addProductLink } from '@/lib/product-links/add-product-link';
import { tenantDb } from '@/lib/tenants/tenant-db';
import { assertBackupWithinQuota, assertCanLinkProducts } from './assert-within-quota';
import { QuotaExceededError } from './quota-exceeded-error';
import { setQuotaLimit } from './set-quota-limit';

let t: TestDatabase;
let tenantId: number;
const actor = { actor: { userId: 1, username: 'boss' } };

beforeAll(async () => {
  t = await createAppTestDatabase('quotalevel');
  const [row] = await t.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'default'));
  tenantId = row!.id;
});
afterAll(async () => t?.drop());

/** What lib/product-links does for a new link: the check and the insert in one transaction. */
function linkProduct(sku: string) {
  return retryOnDeadlock(() =>
    t.db.transaction(async (tx) => {
      await assertCanLinkProducts(tx, tenantId, 1);
      await tx.insert(productLinks).values({ tenantId, accountId: 1, marketplaceSku: sku, ocProductId: 40, createdBy: 'test' });
    }),
  );
}

describe('level quotas', () => {
  it('ten concurrent links under a cap of five make exactly five, the rest refused with the figures', async () => {
    await setQuotaLimit(t.db, tenantId, { resource: 'linked_products', limit: 5 }, actor);
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => linkProduct(`CAP-${i}`)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(refusals).toHaveLength(5);
    for (const err of refusals) {
      expect(err).toBeInstanceOf(QuotaExceededError);
      expect(err).toMatchObject({ resource: 'linked_products', limit: 5, used: 5, requested: 1, status: 429 });
    }
    expect(await t.db.select().from(productLinks).where(eq(productLinks.tenantId, tenantId))).toHaveLength(5);
    const raised = await t.db.select({ kind: alerts.kind }).from(alerts).where(eq(alerts.tenantId, tenantId));
    expect(raised.map((a) => a.kind).sort()).toEqual(['quota.exhausted', 'quota.warning']);
  });

  it('mapping a new SKU over the cap is refused with the figures; re-pointing a mapped SKU is not a new link', async () => {
    const [shop] = await t.db.insert(tenants).values({ slug: 'links', name: 'Links shop' }).$returningId();
    const linksTenant = shop!.id;
    const [account] = await t.db
      .insert(marketplaceAccounts)
      .values({ tenantId: linksTenant, marketplace: 'trendyol', name: 'T', authType: 'apikey', secretCiphertext: 'unused', skuMatch: 'sku' })
      .$returningId();
    const ctx = { actor: { userId: 1, username: 'boss' }, shop: tenantDb({ id: linksTenant, slug: 'links', name: 'Links shop', prefix: 'oc_', storeId: 0 }, t.url) };
    await setQuotaLimit(t.db, linksTenant, { resource: 'linked_products', limit: 1 }, actor);
    const link = (sku: string, ocProductId: number) => addProductLink(t.db, { tenantId: linksTenant, accountId: account!.id, marketplaceSku: sku, ocProductId }, ctx);
    await link('MAP-1', 40);
    await expect(link('MAP-2', 40)).rejects.toMatchObject({ name: 'QuotaExceededError', resource: 'linked_products', limit: 1, used: 1 });
    await expect(link('MAP-1', 42)).resolves.toMatchObject({ marketplaceSku: 'MAP-1', ocProductId: 42 });
  });

  it('a backup over the storage quota is refused before it starts', async () => {
    await setQuotaLimit(t.db, tenantId, { resource: 'backup_storage_bytes', limit: 1_000 }, actor);
    await expect(t.db.transaction((tx) => assertBackupWithinQuota(tx, tenantId, { storedBytes: 700, estimatedBytes: 200 }))).resolves.toEqual({
      limit: 1_000,
      used: 900,
    });
    await expect(t.db.transaction((tx) => assertBackupWithinQuota(tx, tenantId, { storedBytes: 900, estimatedBytes: 200 }))).rejects.toMatchObject({
      resource: 'backup_storage_bytes',
      limit: 1_000,
      used: 900,
    });
  });
});
