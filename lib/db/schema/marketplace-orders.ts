import { bigint, datetime, int, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';
import { MARKETPLACES } from '@/lib/marketplaces/names';

/**
 * The link between a marketplace order and the OpenCart order made for it. Written (committed)
 * before the OpenCart insert as an intent with no oc_order_id, so a retry after a crash knows to
 * look for the order by the marker in oc_order.custom_field instead of inserting a second one.
 */
export const marketplaceOrders = mysqlTable(
  'msc_marketplace_order',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    accountId: bigint('account_id', { mode: 'number', unsigned: true }).notNull(),
    marketplace: mysqlEnum('marketplace', MARKETPLACES).notNull(),
    externalOrderId: varchar('external_order_id', { length: 128 }).notNull(),
    ocOrderId: int('oc_order_id'),
    marketplaceStatus: varchar('marketplace_status', { length: 64 }).notNull().default(''),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [uniqueIndex('msc_marketplace_order_account_external_uq').on(t.accountId, t.externalOrderId)],
);

export type MarketplaceOrder = typeof marketplaceOrders.$inferSelect;
