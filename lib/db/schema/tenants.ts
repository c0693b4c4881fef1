import { bigint, datetime, int, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';

/** One OpenCart shop. An empty database URL means the main DATABASE_URL. */
export const tenants = mysqlTable(
  'msc_tenant',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    slug: varchar('slug', { length: 64 }).notNull(),
    name: varchar('name', { length: 128 }).notNull(),
    databaseUrl: varchar('database_url', { length: 512 }).notNull().default(''),
    tablePrefix: varchar('table_prefix', { length: 32 }).notNull().default('oc_'),
    storeId: int('store_id').notNull().default(0),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [uniqueIndex('msc_tenant_slug_uq').on(t.slug)],
);

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;
