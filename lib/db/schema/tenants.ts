import { bigint, datetime, int, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';

export const TENANT_STATUSES = ['active', 'disabled'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

/**
 * One OpenCart shop. Its database URL carries credentials, so it is stored sealed (AES-256-GCM with
 * APP_ENCRYPTION_KEY, lib/crypto/secret-box.ts) in `database_url_sealed`, with a password-free hint for
 * the pages; empty means the main DATABASE_URL. `database_url` is the plain column of earlier versions:
 * read only until `npm run db:migrate` seals what it holds (lib/tenants/seal-tenant-database-urls.ts).
 */
export const tenants = mysqlTable(
  'msc_tenant',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    slug: varchar('slug', { length: 64 }).notNull(),
    name: varchar('name', { length: 128 }).notNull(),
    databaseUrl: varchar('database_url', { length: 512 }).notNull().default(''),
    databaseUrlSealed: varchar('database_url_sealed', { length: 1024 }).notNull().default(''),
    /** `user@host:port/database`: what the pages show of the database URL (never the password). */
    databaseHint: varchar('database_hint', { length: 255 }).notNull().default(''),
    tablePrefix: varchar('table_prefix', { length: 32 }).notNull().default('oc_'),
    storeId: int('store_id').notNull().default(0),
    /** IANA time zone the pages show this shop's times in. */
    timezone: varchar('timezone', { length: 64 }).notNull().default('UTC'),
    /**
     * The OpenCart line its database holds ('3.0' or '4.0'), as last detected from the tables themselves
     * (lib/opencart-version); '' until a connection test has looked, or when the tables fit neither.
     */
    opencartVersion: varchar('opencart_version', { length: 8 }).notNull().default(''),
    /** When the version was last detected; null: never. */
    opencartVersionCheckedAt: datetime('opencart_version_checked_at', { mode: 'date', fsp: 3 }),
    /** A disabled shop cannot be opened, its webhooks are refused and its jobs do not run. */
    status: mysqlEnum('status', TENANT_STATUSES).notNull().default('active'),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [uniqueIndex('msc_tenant_slug_uq').on(t.slug)],
);

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;
