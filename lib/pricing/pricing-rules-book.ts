import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { pricingRules, type PricingRuleRow } from '@/lib/db/schema';
import { DEFAULT_RULES, type PricingRules } from './price-rules';

export type RulesBook = {
  shop: PricingRuleRow | undefined;
  categories: Map<number, PricingRuleRow>;
  products: Map<number, PricingRuleRow>;
};

/** Every rule of the tenant: a shop has one shop row and a handful of overrides, so one read serves a run. */
export async function readRulesBook(db: DbOrTx, tenantId: number): Promise<RulesBook> {
  const rows = await db.select().from(pricingRules).where(eq(pricingRules.tenantId, tenantId));
  return {
    shop: rows.find((r) => r.scope === 'shop'),
    categories: new Map(rows.filter((r) => r.scope === 'category').map((r) => [r.scopeId, r])),
    products: new Map(rows.filter((r) => r.scope === 'product').map((r) => [r.scopeId, r])),
  };
}

const num = (value: string | null) => (value === null ? null : Number(value));

/** The product's rules: its own row over its category's over the shop's over the defaults, field by field. */
export function resolveRules(book: RulesBook, productId: number, categoryId: number): PricingRules {
  const layers = [book.shop, book.categories.get(categoryId), book.products.get(productId)];
  const rules: PricingRules = { ...DEFAULT_RULES };
  for (const row of layers) {
    if (!row) continue;
    if (row.marginFloorPct !== null) rules.marginFloorPct = num(row.marginFloorPct);
    if (row.maxStepPct !== null) rules.maxStepPct = num(row.maxStepPct);
    if (row.priceFloor !== null) rules.priceFloor = num(row.priceFloor);
    if (row.priceCeiling !== null) rules.priceCeiling = num(row.priceCeiling);
    if (row.rounding !== null) rules.rounding = row.rounding;
    if (row.beatCompetitorBy !== null) rules.beatCompetitorBy = num(row.beatCompetitorBy);
    if (row.beatCompetitorFloor !== null) rules.beatCompetitorFloor = num(row.beatCompetitorFloor);
  }
  return rules;
}
