import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, priceSuggestions, productCosts, syncOutbox } from '@/lib/db/schema';
import { openCart4Tables } from '@/lib/db/opencart';
import { addAccount, linkProducts } from '@/lib/sync/sync.test-helper';
import { createAppTestDatabaseFor, type TestDatabase } from '@/lib/testing/harness';
import { acceptSuggestion } from './accept-suggestion';
import { computeSuggestions } from './compute-suggestions';
import { WEEK_MS } from './demand-model';
import { COMPLETE_STATUS_ID, openDefaultShop, writeWeeklyOrders, type WeekLine } from './pricing.test-helper';
import { salesWindow } from './sales-window';
import { yearlySeason } from './synthetic-history';

// OpenCart 4.0.2.3's own database; product 40 ("iPhone") of its sample catalogue.
const NOW = new Date('2025-11-26T09:00:00Z');
const PRODUCT = 40;
const TRUE_ELASTICITY = -2;
const PRICE_BLOCKS = [100, 90, 110, 95, 105, 100, 88, 112];
const oc4 = openCart4Tables('oc_');

let t: TestDatabase;
let fixture: Awaited<ReturnType<typeof openDefaultShop>>;
let accountId: number;

beforeAll(async () => {
  t = await createAppTestDatabaseFor('4.0', 'pricing4');
  fixture = await openDefaultShop(t);
  await fixture.shop.db.update(oc4.product).set({ price: '100.0000', taxClassId: 0 }).where(eq(oc4.product.productId, PRODUCT));
  await fixture.shop.db.delete(oc4.productSpecial).where(eq(oc4.productSpecial.productId, PRODUCT));
  const window = salesWindow('2025-11-26 09:00:00');
  const weeks: WeekLine[][] = [];
  for (let w = 0; w < window.weeks; w++) {
    const price = PRICE_BLOCKS[Math.floor(w / 13) % PRICE_BLOCKS.length]!;
    const season = yearlySeason(window.firstWeekMs + w * WEEK_MS, 0.3);
    weeks.push([{ productId: PRODUCT, units: Math.round(50 * season * (price / 100) ** TRUE_ELASTICITY), price }]);
  }
  await writeWeeklyOrders(fixture.shop, window.firstWeekMs, weeks, COMPLETE_STATUS_ID, '4.0');
  await t.db.insert(productCosts).values({ tenantId: fixture.tenantId, ocProductId: PRODUCT, cost: '40.0000' });
  accountId = await addAccount(t.db, fixture.tenantId);
  await linkProducts(t.db, fixture.tenantId, accountId, [PRODUCT]);
  await computeSuggestions(t.db, fixture.shop, { now: NOW, productIds: [PRODUCT] });
}, 180_000);
afterAll(async () => t?.drop());

describe('pricing on an OpenCart 4 shop', () => {
  it('recovers the elasticity from 4.0 orders and accepting writes 4.0 oc_product.price, an audit row and the push', async () => {
    const [row] = await t.db.select().from(priceSuggestions).where(and(eq(priceSuggestions.tenantId, fixture.tenantId), eq(priceSuggestions.ocProductId, PRODUCT)));
    expect(row).toMatchObject({ status: 'open', elasticitySource: 'own', objective: 'profit' });
    expect(Math.abs(row!.elasticity - TRUE_ELASTICITY)).toBeLessThan(0.15);

    const result = await acceptSuggestion(t.db, { productId: PRODUCT }, { shop: fixture.shop, actor: { userId: 1, username: 'admin' }, now: NOW });
    expect(result).toMatchObject({ productId: PRODUCT, as: 'price', queued: 1 });
    const [product] = await fixture.shop.db.select({ price: oc4.product.price }).from(oc4.product).where(eq(oc4.product.productId, PRODUCT));
    expect(product!.price).toBe(result.price);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'pricing.accept'))).toHaveLength(1);
    const outbox = await t.db.select().from(syncOutbox).where(eq(syncOutbox.accountId, accountId));
    expect(outbox).toMatchObject([{ ocProductId: PRODUCT, status: 'pending', price: result.price }]);
  });
});
