import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAppTestDatabaseFor, type TestDatabase } from '@/lib/testing/harness';
import { marketplaceAccounts, productLinks } from '@/lib/db/schema';
import { addAccount, openFixture, type SyncFixture } from '../sync.test-helper';
import { applyAutoMatch, previewAutoMatch } from './auto-match';

// OpenCart 4.0.2.3's sample catalogue, matched by model ("Product 1" is product 28 there too).
const LANGUAGE_ID = 1;
let t: TestDatabase;
let fx: SyncFixture;
let accountId: number;

beforeAll(async () => {
  t = await createAppTestDatabaseFor('4.0', 'automatch4');
  fx = await openFixture(t);
  accountId = await addAccount(t.db, fx.tenantId);
  await t.db.update(marketplaceAccounts).set({ skuMatch: 'model' }).where(eq(marketplaceAccounts.id, accountId));
}, 120_000);
afterAll(async () => t?.drop());

describe('auto-match on an OpenCart 4 shop', () => {
  it('previews the 4.0 catalogue by model with names, and links what the admin confirms', async () => {
    const preview = await previewAutoMatch(t.db, fx.shop, { accountId, languageId: LANGUAGE_ID });
    expect(preview.field).toBe('model');
    expect(preview.matches.find((m) => m.productId === 28)).toMatchObject({ key: 'Product 1', name: 'HTC Touch HD' });
    expect(preview.matches.length).toBeGreaterThanOrEqual(15);
    const result = await applyAutoMatch(t.db, fx.shop, { accountId, productIds: [28, 40], languageId: LANGUAGE_ID }, { actor: { userId: 1, username: 'editor' } });
    expect(result).toEqual({ created: 2, skipped: 0 });
    const links = await t.db.select().from(productLinks).where(eq(productLinks.accountId, accountId));
    expect(links.map((l) => [l.ocProductId, l.marketplaceSku]).sort()).toEqual([
      [28, 'Product 1'],
      [40, 'product 11'],
    ]);
  });
});
