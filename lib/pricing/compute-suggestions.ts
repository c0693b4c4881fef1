import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { priceSuggestions, type NewPriceSuggestionRow } from '@/lib/db/schema';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { readShopPricing, type ShopPricing } from '@/lib/sync/read-shop-stock-prices';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import type { TaxShape } from './price-rules';
import { readProductChunk, type PricedProduct } from './read-product-chunk';
import { readCategoryElasticities, readCompetitorViews, readCosts } from './read-pricing-inputs';
import { readRulesBook, resolveRules, type RulesBook } from './pricing-rules-book';
import { salesWindow, type SalesWindow } from './sales-window';
import { streamWeeklySales, type ProductWeeklySales } from './stream-weekly-sales';
import type { SuggestionDetails } from './suggestion-details';
import { suggestPrice, type Suggestion } from './suggest-price';
import { toWeeklySeries } from './weekly-series';
import type { CategoryElasticity } from './elasticity';

/** Products per round of reads and one multi-row upsert. */
export const PRICING_CHUNK_SIZE = 1_000;

export type ComputeInput = {
  now: Date;
  /** Resume after this product id (a run that ran out of time). */
  afterProductId?: number;
  /** Only these products (on demand); the whole catalogue otherwise. */
  productIds?: readonly number[];
  shouldStop?: () => boolean;
  onChunk?: (progress: { products: number; lastProductId: number }) => Promise<void> | void;
};

export type ComputeResult = { products: number; open: number; lastProductId: number; done: boolean };

type RunContext = {
  tenantId: number;
  pricing: ShopPricing;
  window: SalesWindow;
  rules: RulesBook;
  categories: Map<number, CategoryElasticity>;
  now: Date;
};

/** The tax a guest pays on a class, as one percentage and one fixed amount (see sync/shop-tax.ts). */
function taxShape(pricing: ShopPricing, taxClassId: number): TaxShape {
  const shape = { pct: 0, fixed: 0 };
  for (const rate of taxClassId === 0 ? [] : (pricing.taxRates.get(taxClassId) ?? [])) {
    if (rate.type === 'P') shape.pct += Number(rate.rate);
    else if (rate.type === 'F') shape.fixed += Number(rate.rate);
  }
  return shape;
}

const money = (v: number) => v.toFixed(4);

/** The numbers a row stores, checked: a non-finite one is a bug in the model, named with its product. */
function assertFinite(s: Suggestion) {
  const values = {
    unitsCurrent: s.unitsCurrent,
    unitsSuggested: s.unitsSuggested,
    revenueDelta: s.revenueDelta,
    profitDelta: s.profitDelta ?? 0,
    gain: s.gain,
    elasticity: s.elasticity.value,
    elasticitySe: s.elasticity.se ?? 0,
    mase: s.backtest?.mase ?? 0,
    mape: s.backtest?.mape ?? 0,
    forecast: s.forecast.reduce((sum, w) => sum + w.units + w.low + w.high, 0),
  };
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isFinite(value)) throw new Error(`pricing: ${name} of product ${s.productId} is ${value}`);
  }
}

function toRow(ctx: RunContext, s: Suggestion, cost: number | null, tax: TaxShape): NewPriceSuggestionRow {
  assertFinite(s);
  const details: SuggestionDetails = {
    forecast: s.forecast,
    forecastCurrent: s.forecastCurrent,
    reasons: s.reasons,
    backtest: s.backtest,
    cost,
    taxPct: tax.pct,
    taxFixed: tax.fixed,
  };
  return {
    tenantId: ctx.tenantId,
    ocProductId: s.productId,
    categoryId: s.categoryId,
    status: s.status,
    objective: s.objective,
    currentPrice: money(s.currentPrice),
    currentPriceGross: money(s.currentGross),
    suggestedPrice: s.suggestedPrice === null ? null : money(s.suggestedPrice),
    suggestedPriceGross: s.suggestedGross === null ? null : money(s.suggestedGross),
    unitsCurrent: s.unitsCurrent,
    unitsSuggested: s.unitsSuggested,
    revenueDelta: money(s.revenueDelta),
    profitDelta: s.profitDelta === null ? null : money(s.profitDelta),
    gain: money(s.gain),
    elasticity: s.elasticity.value,
    elasticitySe: s.elasticity.se,
    elasticitySource: s.elasticity.source,
    confidence: s.confidence,
    backtestMape: s.backtest?.mape ?? null,
    backtestMase: s.backtest?.mase ?? null,
    details,
    computedAt: ctx.now,
    decidedBy: '',
    decidedAt: null,
    appliedPrice: null,
    appliedAs: null,
    appliedAt: null,
  };
}

/**
 * Stores a chunk's suggestions, one upsert. A product accepted but not yet written to OpenCart keeps its
 * row (the accept retries it); a rejected price suggested again stays rejected.
 */
async function storeSuggestions(db: Db, tenantId: number, rows: NewPriceSuggestionRow[]): Promise<void> {
  if (rows.length === 0) return;
  const pending = await db
    .select({ productId: priceSuggestions.ocProductId })
    .from(priceSuggestions)
    .where(
      and(
        eq(priceSuggestions.tenantId, tenantId),
        inArray(priceSuggestions.ocProductId, rows.map((r) => r.ocProductId)),
        eq(priceSuggestions.status, 'accepted'),
        isNull(priceSuggestions.appliedAt),
      ),
    );
  const skip = new Set(pending.map((p) => p.productId));
  const values = rows.filter((r) => !skip.has(r.ocProductId));
  if (values.length === 0) return;
  const keepRejected = sql`status = 'rejected' AND suggested_price <=> VALUES(suggested_price)`;
  await db
    .insert(priceSuggestions)
    .values(values)
    .onDuplicateKeyUpdate({
      // MySQL assigns left to right: status and the decision columns read the old suggested_price first.
      set: {
        status: sql`IF(${keepRejected}, 'rejected', VALUES(status))`,
        decidedBy: sql`IF(${keepRejected}, decided_by, '')`,
        decidedAt: sql`IF(${keepRejected}, decided_at, NULL)`,
        categoryId: sql`VALUES(category_id)`,
        objective: sql`VALUES(objective)`,
        currentPrice: sql`VALUES(current_price)`,
        currentPriceGross: sql`VALUES(current_price_gross)`,
        suggestedPrice: sql`VALUES(suggested_price)`,
        suggestedPriceGross: sql`VALUES(suggested_price_gross)`,
        unitsCurrent: sql`VALUES(units_current)`,
        unitsSuggested: sql`VALUES(units_suggested)`,
        revenueDelta: sql`VALUES(revenue_delta)`,
        profitDelta: sql`VALUES(profit_delta)`,
        gain: sql`VALUES(gain)`,
        elasticity: sql`VALUES(elasticity)`,
        elasticitySe: sql`VALUES(elasticity_se)`,
        elasticitySource: sql`VALUES(elasticity_source)`,
        confidence: sql`VALUES(confidence)`,
        backtestMape: sql`VALUES(backtest_mape)`,
        backtestMase: sql`VALUES(backtest_mase)`,
        details: sql`VALUES(details)`,
        computedAt: sql`VALUES(computed_at)`,
        appliedPrice: null,
        appliedAs: null,
        appliedAt: null,
      },
    });
}

async function suggestChunk(db: Db, shop: TenantDb, ctx: RunContext, products: PricedProduct[], sales: Map<number, ProductWeeklySales>) {
  const ids = products.map((p) => p.productId);
  const [costs, competitors] = await Promise.all([
    readCosts(db, ctx.tenantId, ids),
    readCompetitorViews(db, ctx.tenantId, ids, ctx.pricing.currency, ctx.now),
  ]);
  const rows: NewPriceSuggestionRow[] = [];
  for (const product of products) {
    const tax = taxShape(ctx.pricing, product.taxClassId);
    const cost = costs.get(product.productId) ?? null;
    const competitor = competitors.get(product.productId);
    const suggestion = suggestPrice({
      productId: product.productId,
      categoryId: product.categoryId,
      basePrice: Number(product.price),
      specialPrice: product.special === null ? null : Number(product.special),
      tax,
      costNet: cost,
      rules: resolveRules(ctx.rules, product.productId, product.categoryId),
      lowestCompetitor: competitor?.lowest ?? null,
      buyBox: competitor?.buyBox ?? null,
      series: toWeeklySeries(sales.get(product.productId), ctx.window.firstWeekMs),
      category: ctx.categories.get(product.categoryId),
    });
    rows.push(toRow(ctx, suggestion, cost, tax));
  }
  await storeSuggestions(db, ctx.tenantId, rows);
  return rows.filter((r) => r.status === 'open').length;
}

/**
 * Suggestions for the catalogue (or some products), in product id order: a chunk of products is read,
 * the sales stream is consumed up to the chunk's last id, costs, competitors and rules are read for the
 * chunk, and its suggestions are written in one statement. Memory holds one chunk, whatever the size.
 */
export async function computeSuggestions(db: Db, shop: TenantDb, input: ComputeInput): Promise<ComputeResult> {
  const tenantId = shop.tenant.id;
  if (input.productIds?.length === 0) return { products: 0, open: 0, lastProductId: 0, done: true };
  const [settings, pricing, rules, categories] = await Promise.all([
    getStoreSettings(shop),
    readShopPricing(shop, input.now),
    readRulesBook(db, tenantId),
    readCategoryElasticities(db, tenantId),
  ]);
  const window = salesWindow(pricing.shopNow);
  const ctx: RunContext = { tenantId, pricing, window, rules, categories, now: input.now };
  const result: ComputeResult = { products: 0, open: 0, lastProductId: input.afterProductId ?? 0, done: false };

  const stream = streamWeeklySales(
    shop,
    settings,
    window,
    input.productIds ? { productIds: input.productIds } : { afterProductId: result.lastProductId },
  );
  let pending: ProductWeeklySales | undefined;
  let streamDone = false;
  try {
    for (;;) {
      if (input.shouldStop?.()) return result;
      const products = input.productIds
        ? await readProductChunk(shop, pricing, { productIds: input.productIds })
        : await readProductChunk(shop, pricing, { afterProductId: result.lastProductId, limit: PRICING_CHUNK_SIZE });
      if (products.length === 0) break;
      const lastId = products[products.length - 1]!.productId;
      const sales = new Map<number, ProductWeeklySales>();
      while (!streamDone) {
        if (!pending) {
          const next = await stream.next();
          if (next.done) {
            streamDone = true;
            break;
          }
          pending = next.value;
        }
        if (!input.productIds && pending.productId > lastId) break;
        // Sales of a product that is disabled or not in the store are passed over.
        sales.set(pending.productId, pending);
        pending = undefined;
      }
      result.open += await suggestChunk(db, shop, ctx, products, sales);
      result.products += products.length;
      result.lastProductId = lastId;
      await input.onChunk?.({ products: result.products, lastProductId: lastId });
      if (input.productIds || products.length < PRICING_CHUNK_SIZE) break;
    }
    result.done = true;
    return result;
  } finally {
    await stream.return(undefined);
  }
}
