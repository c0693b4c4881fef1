import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { competitorPrices, priceSuggestions, productCosts } from '@/lib/db/schema';
import type { CategoryElasticity } from './elasticity';
import type { CompetitorPrice } from './suggest-price';

/** A competitor price older than this says little about today. */
export const COMPETITOR_MAX_AGE_MS = 14 * 86_400_000;

export async function readCosts(db: DbOrTx, tenantId: number, productIds: readonly number[]): Promise<Map<number, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .select({ productId: productCosts.ocProductId, cost: productCosts.cost })
    .from(productCosts)
    .where(and(eq(productCosts.tenantId, tenantId), inArray(productCosts.ocProductId, [...productIds])));
  return new Map(rows.map((r) => [r.productId, Number(r.cost)]));
}

export type CompetitorView = { lowest: CompetitorPrice | null; buyBox: CompetitorPrice | null };

/**
 * Per product, the latest price of each seller seen in the last two weeks (msc_competitor_price, written
 * by the webhook worker from `price.observed`), in the shop's currency: the lowest of them and the
 * latest buy-box winner.
 */
export async function readCompetitorViews(
  db: DbOrTx,
  tenantId: number,
  productIds: readonly number[],
  currency: string,
  now: Date,
): Promise<Map<number, CompetitorView>> {
  const result = new Map<number, CompetitorView>();
  if (productIds.length === 0) return result;
  const rows = await db
    .select({
      productId: competitorPrices.ocProductId,
      seller: competitorPrices.seller,
      price: competitorPrices.price,
      isBuyBoxWinner: competitorPrices.isBuyBoxWinner,
      observedAt: competitorPrices.observedAt,
    })
    .from(competitorPrices)
    .where(
      and(
        eq(competitorPrices.tenantId, tenantId),
        inArray(competitorPrices.ocProductId, [...productIds]),
        eq(competitorPrices.currency, currency),
        gte(competitorPrices.observedAt, new Date(now.getTime() - COMPETITOR_MAX_AGE_MS)),
      ),
    )
    .orderBy(competitorPrices.observedAt);
  const latestBySeller = new Map<number, Map<string, CompetitorPrice & { buyBox: boolean }>>();
  for (const row of rows) {
    if (row.productId === null) continue;
    let sellers = latestBySeller.get(row.productId);
    if (!sellers) latestBySeller.set(row.productId, (sellers = new Map()));
    sellers.set(row.seller, { seller: row.seller, price: Number(row.price), observedAt: row.observedAt.toISOString(), buyBox: row.isBuyBoxWinner });
  }
  for (const [productId, sellers] of latestBySeller) {
    const all = [...sellers.values()];
    const lowest = all.reduce((a, b) => (b.price < a.price ? b : a));
    const buyBox = all.filter((s) => s.buyBox).sort((a, b) => b.observedAt.localeCompare(a.observedAt))[0];
    const strip = ({ seller, price, observedAt }: CompetitorPrice) => ({ seller, price, observedAt });
    result.set(productId, { lowest: strip(lowest), buyBox: buyBox ? strip(buyBox) : null });
  }
  return result;
}

/** Each category's mean own elasticity, from the latest suggestions (the previous run's fits). */
export async function readCategoryElasticities(db: DbOrTx, tenantId: number): Promise<Map<number, CategoryElasticity>> {
  const rows = await db
    .select({ categoryId: priceSuggestions.categoryId, mean: sql<string>`AVG(${priceSuggestions.elasticity})`, products: sql<string>`COUNT(*)` })
    .from(priceSuggestions)
    .where(and(eq(priceSuggestions.tenantId, tenantId), eq(priceSuggestions.elasticitySource, 'own')))
    .groupBy(priceSuggestions.categoryId);
  return new Map(rows.map((r) => [r.categoryId, { mean: Number(r.mean), products: Number(r.products) }]));
}
