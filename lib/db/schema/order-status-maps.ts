import { bigint, int, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';

/**
 * A tenant's choice of OpenCart order status for a canonical marketplace status
 * (created, processing, shipped, delivered, cancelled, returned, undelivered).
 * Without a row, lib/webhooks defaults apply.
 */
export const orderStatusMaps = mysqlTable(
  'msc_order_status_map',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    canonicalStatus: varchar('canonical_status', { length: 32 }).notNull(),
    ocOrderStatusId: int('oc_order_status_id').notNull(),
  },
  (t) => [uniqueIndex('msc_order_status_map_tenant_status_uq').on(t.tenantId, t.canonicalStatus)],
);
