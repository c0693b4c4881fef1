import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { retryOnDeadlock } from '@/lib/db/retry-on-deadlock';
import { alerts, productLinks, tenants } from '@/lib/db/schema';
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
