import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, competitorPrices, priceSuggestions, pricingRules, productCosts, syncOutbox } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { addAccount, addProducts, jobContext, linkProducts } from '@/lib/sync/sync.test-helper';
import { tenantDb } from '@/lib/tenants/tenant-db';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { acceptSuggestion, acceptSuggestions, rejectSuggestion } from './accept-suggestion';
import { computeSuggestions } from './compute-suggestions';
import { WEEK_MS } from './demand-model';
import { pricingSuggestionsJob } from './pricing-suggestions-job';
import { getProductPricing } from './queries/get-product-pricing';
import { listSuggestions } from './queries/list-suggestions';
import { suggestionListQuerySchema } from './queries/suggestion-list-query';
import { CANCELED_STATUS_ID, openDefaultShop, setCategory, writeWeeklyOrders, type WeekLine } from './pricing.test-helper';
import { salesWindow } from './sales-window';
import { suggestionDetailsSchema } from './suggestion-details';
import { yearlySeason } from './synthetic-history';

const NOW = new Date('2025-11-26T09:00:00Z');
const [VARIED, FLAT, UNSOLD] = [1000, 1001, 1002];
const TRUE_ELASTICITY = -2;
const PRICE_BLOCKS = [100, 90, 110, 95, 105, 100, 88, 112];
const actor = { userId: 1, username: 'admin' };

let t: TestDatabase;
let fixture: Awaited<ReturnType<typeof openDefaultShop>>;
let accountId: number;

const suggestionOf = async (productId: number) => {
  const [row] = await t.db.select().from(priceSuggestions).where(and(eq(priceSuggestions.tenantId, fixture.tenantId), eq(priceSuggestions.ocProductId, productId)));
  return row!;
};
const priceOf = async (productId: number) => {
  const [row] = await fixture.shop.db.select({ price: fixture.shop.oc.product.price }).from(fixture.shop.oc.product).where(eq(fixture.shop.oc.product.productId, productId));
  return row!.price;
};

beforeAll(async () => {
  t = await createAppTestDatabase('pricing');
  fixture = await openDefaultShop(t);
  await addProducts(t.db, 3);
  const window = salesWindow('2025-11-26 09:00:00');
  const weeks: WeekLine[][] = [];
  for (let w = 0; w < window.weeks; w++) {
    const season = yearlySeason(window.firstWeekMs + w * WEEK_MS, 0.3);
    const price = PRICE_BLOCKS[Math.floor(w / 13) % PRICE_BLOCKS.length]!;
    weeks.push([
      { productId: VARIED, units: Math.round(50 * season * (price / 100) ** TRUE_ELASTICITY), price },
      { productId: FLAT, units: Math.round(20 * season), price: 100 },
    ]);
  }
  await writeWeeklyOrders(fixture.shop, window.firstWeekMs, weeks);
  // A canceled order never counts: it would wreck the elasticity if it did.
  await writeWeeklyOrders(fixture.shop, window.firstWeekMs, [[{ productId: VARIED, units: 5000, price: 150 }]], CANCELED_STATUS_ID);

  await setCategory(t.db, fixture.shop, FLAT, 20);
  await t.db.insert(pricingRules).values([
    { tenantId: fixture.tenantId, scope: 'shop', scopeId: 0, marginFloorPct: '20.00', maxStepPct: '10.00', rounding: '0.90' },
    { tenantId: fixture.tenantId, scope: 'category', scopeId: 20, rounding: '0.99' },
  ]);
  await t.db.insert(productCosts).values({ tenantId: fixture.tenantId, ocProductId: VARIED, cost: '40.0000' });
  accountId = await addAccount(t.db, fixture.tenantId);
  await linkProducts(t.db, fixture.tenantId, accountId, [VARIED]);
  await t.db.insert(competitorPrices).values({
    tenantId: fixture.tenantId,
    accountId,
    eventId: 1,
    marketplaceSku: 'SKU-1000',
    ocProductId: VARIED,
    seller: 'Rakip Mağaza',
    price: '96.5000',
    currency: 'USD',
    observedAt: new Date(NOW.getTime() - 86_400_000),
  });
  await computeSuggestions(t.db, fixture.shop, { now: NOW });
});

afterAll(async () => {
  await t?.drop();
});

describe('suggestions from the shop’s own history', () => {
  it('recovers the elasticity of a product whose price moved, from counted orders only', async () => {
    const row = await suggestionOf(VARIED);
    expect(row.elasticitySource).toBe('own');
    expect(Math.abs(row.elasticity - TRUE_ELASTICITY)).toBeLessThan(0.15);
  });

  it('applies the shop’s rules: the 10% step stops the move toward the profit peak, rounded to .90', async () => {
    const row = await suggestionOf(VARIED);
    expect(row).toMatchObject({ status: 'open', objective: 'profit', suggestedPrice: '90.9000', suggestedPriceGross: '90.9000' });
    const details = suggestionDetailsSchema.parse(row.details);
    const codes = details.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['competitor', 'elasticity', 'peak', 'maxStepDown', 'rounding']));
    expect(details.reasons).toContainEqual({ code: 'competitor', seller: 'Rakip Mağaza', price: 96.5 });
    expect(Number(row.profitDelta)).toBeGreaterThan(0);
    expect(details.forecast).toHaveLength(4);
  });

  it('stores the backtest it computed: MASE against seasonal-naive and MAPE on eight held-out weeks', async () => {
    const row = await suggestionOf(VARIED);
    const details = suggestionDetailsSchema.parse(row.details);
    expect(details.backtest?.holdoutWeeks).toBe(8);
    expect(row.backtestMase).not.toBeNull();
    expect(row.backtestMase!).toBeLessThan(1);
    expect(row.backtestMape).not.toBeNull();
    expect(row.backtestMase).toBe(details.backtest?.mase);
  });

  it('falls back to the prior for a flat price, low confidence, maximising revenue with the category’s .99 rounding', async () => {
    const row = await suggestionOf(FLAT);
    expect(row).toMatchObject({ status: 'open', objective: 'revenue', elasticitySource: 'prior', confidence: 'low', profitDelta: null, suggestedPriceGross: '90.9900' });
    const codes = suggestionDetailsSchema.parse(row.details).reasons.map((r) => r.code);
    expect(codes).toContain('revenueOnly');
  });

  it('suggests nothing for a product that never sold, and says so', async () => {
    const row = await suggestionOf(UNSOLD);
    expect(row.status).toBe('none');
    expect(suggestionDetailsSchema.parse(row.details).reasons.map((r) => r.code)).toContain('noSales');
  });

  it('runs as the pricing-suggestions job over the whole catalogue', async () => {
    const result = await pricingSuggestionsJob.run({ ...jobContext(t, fixture), trigger: 'cron' });
    expect(result.more).toBeUndefined();
    expect(result.counts.products).toBeGreaterThanOrEqual(3);
  });
});

describe('the page’s queries', () => {
  const query = (input: Record<string, unknown>) => suggestionListQuerySchema.parse(input);

  it('lists open suggestions largest gain first, filters by confidence and finds products by name', async () => {
    const list = await listSuggestions(t.db, fixture.shop, 1, query({}));
    expect(list.rows.map((r) => r.productId)).toEqual([...list.rows].sort((a, b) => Number(b.profitDelta ?? b.revenueDelta) - Number(a.profitDelta ?? a.revenueDelta)).map((r) => r.productId));
    expect(list.rows.map((r) => r.productId).sort()).toEqual([VARIED, FLAT]);
    expect((await listSuggestions(t.db, fixture.shop, 1, query({ confidence: 'low' }))).rows.map((r) => r.productId)).toEqual([FLAT]);
    expect((await listSuggestions(t.db, fixture.shop, 1, query({ q: 'Product 1000' }))).rows.map((r) => r.productId)).toEqual([VARIED]);
    // OpenCart's sample products never sold either.
    const none = (await listSuggestions(t.db, fixture.shop, 1, query({ status: 'none', sort: 'product', dir: 'desc' }))).rows.map((r) => r.productId);
    expect(none[0]).toBe(UNSOLD);
    expect(none).not.toContain(VARIED);
  });

  it('gives a product’s weekly history, competitor prices and suggestion; another shop sees nothing', async () => {
    const pricing = await getProductPricing(t.db, fixture.shop, VARIED, NOW);
    expect(pricing.history).toHaveLength(104);
    expect(pricing.history.reduce((s, w) => s + w.units, 0)).toBeGreaterThan(1000);
    expect(pricing.competitors).toEqual([expect.objectContaining({ seller: 'Rakip Mağaza', price: 96.5 })]);
    expect(pricing.suggestion?.suggestedPrice).toBe('90.9000');
    const other = tenantDb({ ...fixture.shop.tenant, id: fixture.tenantId + 100 }, t.url);
    expect((await listSuggestions(t.db, other, 1, query({ status: 'all' }))).total).toBe(0);
    expect((await getProductPricing(t.db, other, VARIED, NOW)).suggestion).toBeNull();
  });
});

describe('accepting, rejecting', () => {
  it('accepting writes oc_product.price, an audit row and queues the marketplace price push', async () => {
    const result = await acceptSuggestion(t.db, { productId: VARIED }, { shop: fixture.shop, actor, now: NOW });
    expect(result).toMatchObject({ productId: VARIED, price: '90.9000', as: 'price', queued: 1 });
    expect(await priceOf(VARIED)).toBe('90.9000');
    const row = await suggestionOf(VARIED);
    expect(row.status).toBe('accepted');
    expect(row.appliedAt).not.toBeNull();
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'pricing.accept'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ tenantId: fixture.tenantId, targetType: 'oc_product', targetId: String(VARIED), actorUsername: 'admin' });
    const outbox = await t.db.select().from(syncOutbox).where(eq(syncOutbox.accountId, accountId));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ ocProductId: VARIED, status: 'pending', price: '90.9000' });
  });

  it('refuses to accept the same suggestion twice', async () => {
    await expect(acceptSuggestion(t.db, { productId: VARIED }, { shop: fixture.shop, actor, now: NOW })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a recomputation keeps an accepted price that OpenCart does not hold yet, and the accept finishes it', async () => {
    await t.db.update(priceSuggestions).set({ appliedAt: null }).where(eq(priceSuggestions.ocProductId, VARIED));
    await fixture.shop.db.update(fixture.shop.oc.product).set({ price: '100.0000' }).where(eq(fixture.shop.oc.product.productId, VARIED));
    await computeSuggestions(t.db, fixture.shop, { now: NOW, productIds: [VARIED] });
    expect((await suggestionOf(VARIED)).status).toBe('accepted');
    await acceptSuggestion(t.db, { productId: VARIED }, { shop: fixture.shop, actor, now: NOW });
    expect(await priceOf(VARIED)).toBe('90.9000');
    expect((await suggestionOf(VARIED)).appliedAt).not.toBeNull();
  });

  it('refuses a suggestion made for a price that OpenCart no longer has', async () => {
    await fixture.shop.db.update(fixture.shop.oc.product).set({ price: '101.0000' }).where(eq(fixture.shop.oc.product.productId, FLAT));
    await expect(acceptSuggestion(t.db, { productId: FLAT }, { shop: fixture.shop, actor, now: NOW })).rejects.toMatchObject({ code: 'CONFLICT' });
    await fixture.shop.db.update(fixture.shop.oc.product).set({ price: '100.0000' }).where(eq(fixture.shop.oc.product.productId, FLAT));
    expect((await suggestionOf(FLAT)).status).toBe('open');
  });

  it('accepting as a dated special writes an oc_product_special row and leaves the base price', async () => {
    const edited = { productId: FLAT, as: 'special' as const, priceGross: 92.99, specialStart: '2025-12-01', specialEnd: '2025-12-15' };
    await acceptSuggestion(t.db, edited, { shop: fixture.shop, actor, now: NOW });
    expect(await priceOf(FLAT)).toBe('100.0000');
    const { productSpecial } = fixture.shop.oc;
    const specials = await fixture.shop.db.select().from(productSpecial).where(eq(productSpecial.productId, FLAT));
    expect(specials).toHaveLength(1);
    expect(specials[0]).toMatchObject({ price: '92.9900', dateStart: '2025-12-01', dateEnd: '2025-12-15', customerGroupId: 1 });
  });

  it('refuses a special without a later end date, before touching anything', async () => {
    await expect(
      acceptSuggestion(t.db, { productId: UNSOLD, as: 'special', specialStart: '2025-12-10', specialEnd: '2025-12-01' }, { shop: fixture.shop, actor }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('rejects only open suggestions, with an audit row', async () => {
    await expect(rejectSuggestion(t.db, { productId: UNSOLD }, { shop: fixture.shop, actor })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await t.db.update(priceSuggestions).set({ status: 'open' }).where(eq(priceSuggestions.ocProductId, UNSOLD));
    await rejectSuggestion(t.db, { productId: UNSOLD }, { shop: fixture.shop, actor });
    expect((await suggestionOf(UNSOLD)).status).toBe('rejected');
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'pricing.reject'))).toHaveLength(1);
  });

  it('answers not found for another shop’s products, and a bulk accept reports what it skipped', async () => {
    const other = tenantDb({ ...fixture.shop.tenant, id: fixture.tenantId + 100 }, t.url);
    await expect(acceptSuggestion(t.db, { productId: VARIED }, { shop: other, actor })).rejects.toBeInstanceOf(ServiceError);
    await expect(acceptSuggestion(t.db, { productId: VARIED }, { shop: other, actor })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(acceptSuggestions(t.db, { productIds: [VARIED, FLAT] }, { shop: fixture.shop, actor })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
