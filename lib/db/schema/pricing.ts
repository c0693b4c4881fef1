import { bigint, datetime, decimal, double, index, int, json, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';

/**
 * Pricing suggestions (docs/pricing.md). Competitor prices are not stored here: they are
 * msc_competitor_price (marketplace-observations.ts), written by the webhook worker from `price.observed`.
 */

/** What the shop pays for a product, net of tax, in the shop's currency (`config_currency`). */
export const productCosts = mysqlTable(
  'msc_product_cost',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    ocProductId: int('oc_product_id').notNull(),
    cost: decimal('cost', { precision: 15, scale: 4 }).notNull(),
    updatedBy: varchar('updated_by', { length: 64 }).notNull().default(''),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [uniqueIndex('msc_product_cost_product_uq').on(t.tenantId, t.ocProductId)],
);

export type ProductCost = typeof productCosts.$inferSelect;

export const PRICING_RULE_SCOPES = ['shop', 'category', 'product'] as const;
export type PricingRuleScope = (typeof PRICING_RULE_SCOPES)[number];

export const PRICE_ROUNDINGS = ['none', '0.90', '0.99'] as const;
export type PriceRounding = (typeof PRICE_ROUNDINGS)[number];

/**
 * Pricing rules: one row for the shop, rows for categories and products override it field by field
 * (NULL inherits). Amounts are shelf prices with the guest's tax, as buyers and marketplaces see them.
 */
export const pricingRules = mysqlTable(
  'msc_pricing_rule',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    scope: mysqlEnum('scope', PRICING_RULE_SCOPES).notNull(),
    /** 0 for the shop; the OpenCart category or product id otherwise. */
    scopeId: int('scope_id').notNull().default(0),
    /** The net price stays at least cost × (1 + this / 100). */
    marginFloorPct: decimal('margin_floor_pct', { precision: 7, scale: 2 }),
    /** One suggestion moves the base price by at most this percent. */
    maxStepPct: decimal('max_step_pct', { precision: 7, scale: 2 }),
    priceFloor: decimal('price_floor', { precision: 15, scale: 4 }),
    priceCeiling: decimal('price_ceiling', { precision: 15, scale: 4 }),
    rounding: mysqlEnum('rounding', PRICE_ROUNDINGS),
    /** Stay this much under the lowest competitor… */
    beatCompetitorBy: decimal('beat_competitor_by', { precision: 15, scale: 4 }),
    /** …but never below this to do it. */
    beatCompetitorFloor: decimal('beat_competitor_floor', { precision: 15, scale: 4 }),
    updatedBy: varchar('updated_by', { length: 64 }).notNull().default(''),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [uniqueIndex('msc_pricing_rule_scope_uq').on(t.tenantId, t.scope, t.scopeId)],
);

export type PricingRuleRow = typeof pricingRules.$inferSelect;

export const SUGGESTION_STATUSES = ['open', 'none', 'accepted', 'rejected'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const ELASTICITY_SOURCES = ['own', 'category', 'prior'] as const;
export type ElasticitySource = (typeof ELASTICITY_SOURCES)[number];
export const SUGGESTION_CONFIDENCES = ['high', 'medium', 'low'] as const;
export type SuggestionConfidence = (typeof SUGGESTION_CONFIDENCES)[number];

/**
 * The latest suggestion per product (earlier decisions live in the audit log). `none` is a product the
 * rules or the history leave without a price to suggest; its reasons say why. Prices are net
 * (what `oc_product.price` holds); `*_gross` are the same with the guest's tax.
 */
export const priceSuggestions = mysqlTable(
  'msc_price_suggestion',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    ocProductId: int('oc_product_id').notNull(),
    /** The category whose rules and elasticity the product falls back on (its lowest category id), 0 for none. */
    categoryId: int('category_id').notNull().default(0),
    status: mysqlEnum('status', SUGGESTION_STATUSES).notNull(),
    objective: mysqlEnum('objective', ['profit', 'revenue']).notNull(),
    currentPrice: decimal('current_price', { precision: 15, scale: 4 }).notNull(),
    currentPriceGross: decimal('current_price_gross', { precision: 15, scale: 4 }).notNull(),
    suggestedPrice: decimal('suggested_price', { precision: 15, scale: 4 }),
    suggestedPriceGross: decimal('suggested_price_gross', { precision: 15, scale: 4 }),
    /** Expected over the next four weeks at the current price and at the suggested one. */
    unitsCurrent: double('units_current').notNull().default(0),
    unitsSuggested: double('units_suggested').notNull().default(0),
    revenueDelta: decimal('revenue_delta', { precision: 15, scale: 4 }).notNull().default('0'),
    /** NULL when the cost is unknown. */
    profitDelta: decimal('profit_delta', { precision: 15, scale: 4 }),
    /** The sort key of the page: profit change, or revenue change where the cost is unknown. */
    gain: decimal('gain', { precision: 15, scale: 4 }).notNull().default('0'),
    elasticity: double('elasticity').notNull(),
    elasticitySe: double('elasticity_se'),
    elasticitySource: mysqlEnum('elasticity_source', ELASTICITY_SOURCES).notNull(),
    confidence: mysqlEnum('confidence', SUGGESTION_CONFIDENCES).notNull(),
    /** Backtest on the held-out last weeks; NULL where it could not be computed (the page says why). */
    backtestMape: double('backtest_mape'),
    backtestMase: double('backtest_mase'),
    /** The weekly forecast with its band and the reasons, as `lib/pricing/suggestion-details.ts` describes. */
    details: json('details').notNull(),
    computedAt: datetime('computed_at', { mode: 'date', fsp: 3 }).notNull(),
    decidedBy: varchar('decided_by', { length: 64 }).notNull().default(''),
    decidedAt: datetime('decided_at', { mode: 'date', fsp: 3 }),
    appliedPrice: decimal('applied_price', { precision: 15, scale: 4 }),
    appliedAs: mysqlEnum('applied_as', ['price', 'special']),
    /** Set once OpenCart holds the price: an accepted row without it is retried by the same accept. */
    appliedAt: datetime('applied_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [
    uniqueIndex('msc_price_suggestion_product_uq').on(t.tenantId, t.ocProductId),
    index('msc_price_suggestion_gain_idx').on(t.tenantId, t.status, t.gain),
    index('msc_price_suggestion_category_idx').on(t.tenantId, t.categoryId, t.elasticitySource),
  ],
);

export type PriceSuggestionRow = typeof priceSuggestions.$inferSelect;
export type NewPriceSuggestionRow = typeof priceSuggestions.$inferInsert;
