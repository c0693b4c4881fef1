import { and, asc, eq, gte, or, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { competitorPrices, priceSuggestions, pricingRules, productCosts, type PriceSuggestionRow, type PricingRuleRow } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { readShopPricing } from '@/lib/sync/read-shop-stock-prices';
import { decodeHtmlEntities } from '@/lib/shop/decode-html-entities';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { WEEK_MS } from '../demand-model';
import { salesWindow } from '../sales-window';
import { streamWeeklySales } from '../stream-weekly-sales';
import { suggestionDetailsSchema, type SuggestionDetails } from '../suggestion-details';

/** The competitor chart covers this much; a busy listing's pushes beyond the cap are thinned by the cap. */
const COMPETITOR_HISTORY_MS = 180 * 86_400_000;
const COMPETITOR_POINTS_MAX = 1_000;

export type HistoryWeek = { weekMs: number; units: number; revenue: number; avgPrice: number | null };
export type CompetitorPoint = { observedAt: string; seller: string; price: number; buyBox: boolean };

export type ProductPricing = {
  productId: number;
  name: string | null;
  model: string;
  price: string;
  currency: string;
  cost: string | null;
  history: HistoryWeek[];
  competitors: CompetitorPoint[];
  suggestion: (PriceSuggestionRow & { parsed: SuggestionDetails }) | null;
  /** The lowest of its categories (0 for none), whose rules and elasticity it falls back on. */
  categoryId: number;
  rules: { product: PricingRuleRow | null; category: PricingRuleRow | null };
};

/** One product's page: its weekly sales and prices, competitor prices over time, and its latest suggestion. */
export async function getProductPricing(db: Db, shop: TenantDb, productId: number, now = new Date()): Promise<ProductPricing> {
  const { product: p, productDescription: pd, productToStore: pts, productToCategory: ptc } = shop.oc;
  const [settings, pricing] = await Promise.all([getStoreSettings(shop), readShopPricing(shop, now)]);
  const [product] = await shop.db
    .select({
      id: p.productId,
      name: pd.name,
      model: p.model,
      price: p.price,
      categoryId: sql<number | null>`(SELECT MIN(c.category_id) FROM ${ptc} c WHERE c.product_id = ${p.productId})`,
    })
    .from(p)
    .innerJoin(pts, and(eq(pts.productId, p.productId), eq(pts.storeId, shop.tenant.storeId)))
    .leftJoin(pd, and(eq(pd.productId, p.productId), eq(pd.languageId, settings.languageId)))
    .where(eq(p.productId, productId));
  if (!product) throw new ServiceError('NOT_FOUND', `Product ${productId} is not in this shop.`);

  const window = salesWindow(pricing.shopNow);
  const history: HistoryWeek[] = Array.from({ length: window.weeks }, (_, t) => ({ weekMs: window.firstWeekMs + t * WEEK_MS, units: 0, revenue: 0, avgPrice: null }));
  for await (const sales of streamWeeklySales(shop, settings, window, { productIds: [productId] })) {
    sales.units.forEach((units, t) => {
      const revenue = sales.revenue[t]!;
      history[t] = { ...history[t]!, units, revenue, avgPrice: units > 0 ? revenue / units : null };
    });
  }

  const categoryId = Number(product.categoryId ?? 0);
  const [suggestion, competitors, cost, rules] = await Promise.all([
    db.select().from(priceSuggestions).where(and(eq(priceSuggestions.tenantId, shop.tenant.id), eq(priceSuggestions.ocProductId, productId))),
    db
      .select({ observedAt: competitorPrices.observedAt, seller: competitorPrices.seller, price: competitorPrices.price, buyBox: competitorPrices.isBuyBoxWinner })
      .from(competitorPrices)
      .where(
        and(
          eq(competitorPrices.tenantId, shop.tenant.id),
          eq(competitorPrices.ocProductId, productId),
          eq(competitorPrices.currency, pricing.currency),
          gte(competitorPrices.observedAt, new Date(now.getTime() - COMPETITOR_HISTORY_MS)),
        ),
      )
      .orderBy(asc(competitorPrices.observedAt))
      .limit(COMPETITOR_POINTS_MAX),
    db.select({ cost: productCosts.cost }).from(productCosts).where(and(eq(productCosts.tenantId, shop.tenant.id), eq(productCosts.ocProductId, productId))),
    db
      .select()
      .from(pricingRules)
      .where(
        and(
          eq(pricingRules.tenantId, shop.tenant.id),
          or(
            and(eq(pricingRules.scope, 'product'), eq(pricingRules.scopeId, productId)),
            and(eq(pricingRules.scope, 'category'), eq(pricingRules.scopeId, categoryId)),
          ),
        ),
      ),
  ]);
  const row = suggestion[0];
  return {
    productId,
    name: decodeHtmlEntities(product.name ?? '') || null,
    model: decodeHtmlEntities(product.model),
    price: product.price,
    currency: pricing.currency,
    cost: cost[0]?.cost ?? null,
    history,
    competitors: competitors.map((c) => ({ observedAt: c.observedAt.toISOString(), seller: c.seller, price: Number(c.price), buyBox: c.buyBox })),
    suggestion: row ? { ...row, parsed: suggestionDetailsSchema.parse(row.details) } : null,
    categoryId,
    rules: { product: rules.find((r) => r.scope === 'product') ?? null, category: rules.find((r) => r.scope === 'category') ?? null },
  };
}
