import { bigint, datetime, int, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';

/** An explicit marketplace SKU → OpenCart product mapping; wins over the account's matching rule. */
export const productLinks = mysqlTable(
  'msc_product_link',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    accountId: bigint('account_id', { mode: 'number', unsigned: true }).notNull(),
    marketplaceSku: varchar('marketplace_sku', { length: 128 }).notNull(),
    ocProductId: int('oc_product_id').notNull(),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [uniqueIndex('msc_product_link_account_sku_uq').on(t.accountId, t.marketplaceSku)],
);

export type ProductLink = typeof productLinks.$inferSelect;
