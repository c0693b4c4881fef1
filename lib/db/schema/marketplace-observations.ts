import { bigint, boolean, datetime, decimal, index, int, mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';

/** A competitor or buy-box price seen on a marketplace (from `price.observed`), for pricing. */
export const competitorPrices = mysqlTable(
  'msc_competitor_price',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    accountId: bigint('account_id', { mode: 'number', unsigned: true }).notNull(),
    eventId: bigint('event_id', { mode: 'number', unsigned: true }).notNull(),
    marketplaceSku: varchar('marketplace_sku', { length: 128 }).notNull(),
    ocProductId: int('oc_product_id'),
    seller: varchar('seller', { length: 128 }).notNull().default(''),
    price: decimal('price', { precision: 15, scale: 4 }).notNull(),
    currency: varchar('currency', { length: 3 }).notNull(),
    isBuyBoxWinner: boolean('is_buy_box_winner').notNull().default(false),
    observedAt: datetime('observed_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (t) => [
    uniqueIndex('msc_competitor_price_event_uq').on(t.eventId, t.seller),
    index('msc_competitor_price_sku_idx').on(t.tenantId, t.marketplaceSku, t.observedAt),
  ],
);

/** Stock a marketplace reported for a SKU (from `stock.changed`), compared by the sync job. */
export const stockObservations = mysqlTable(
  'msc_stock_observation',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    accountId: bigint('account_id', { mode: 'number', unsigned: true }).notNull(),
    eventId: bigint('event_id', { mode: 'number', unsigned: true }).notNull(),
    marketplaceSku: varchar('marketplace_sku', { length: 128 }).notNull(),
    ocProductId: int('oc_product_id'),
    quantity: int('quantity').notNull(),
    observedAt: datetime('observed_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (t) => [uniqueIndex('msc_stock_observation_event_uq').on(t.eventId)],
);

/** A buyer's question about a product, listed for the admin. */
export const marketplaceQuestions = mysqlTable(
  'msc_marketplace_question',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    accountId: bigint('account_id', { mode: 'number', unsigned: true }).notNull(),
    externalQuestionId: varchar('external_question_id', { length: 128 }).notNull(),
    marketplaceSku: varchar('marketplace_sku', { length: 128 }).notNull().default(''),
    ocProductId: int('oc_product_id'),
    customerName: varchar('customer_name', { length: 128 }).notNull().default(''),
    text: text('text').notNull(),
    askedAt: datetime('asked_at', { mode: 'date', fsp: 3 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [uniqueIndex('msc_marketplace_question_account_external_uq').on(t.accountId, t.externalQuestionId)],
);
