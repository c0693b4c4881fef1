import { bigint, datetime, index, json, mysqlEnum, mysqlTable, text, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';
import { MARKETPLACES, SKU_MATCH_FIELDS, WEBHOOK_AUTH_TYPES } from '@/lib/marketplaces/names';
import { tenants } from './tenants';

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;

/**
 * One seller account of a tenant on one marketplace, and how its pushes authenticate.
 * `secretCiphertext` holds the current and (during rotation) previous secret, AES-256-GCM
 * encrypted with APP_ENCRYPTION_KEY (lib/crypto/secret-box.ts); never returned to a page. The
 * outbound API's credentials are sealed the same way in `apiCredentialsCiphertext`.
 */
export const marketplaceAccounts = mysqlTable(
  'msc_marketplace_account',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true })
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    marketplace: mysqlEnum('marketplace', MARKETPLACES).notNull(),
    name: varchar('name', { length: 128 }).notNull(),
    authType: mysqlEnum('auth_type', WEBHOOK_AUTH_TYPES).notNull(),
    /** HTTP Basic user name, when authType is basic. */
    authUsername: varchar('auth_username', { length: 128 }).notNull().default(''),
    /** Header carrying the key, when authType is apikey (Trendyol sends `x-api-key`). */
    apiKeyHeader: varchar('api_key_header', { length: 64 }).notNull().default('x-api-key'),
    secretCiphertext: text('secret_ciphertext').notNull(),
    skuMatch: mysqlEnum('sku_match', SKU_MATCH_FIELDS).notNull().default('sku'),
    settings: json('settings').notNull().default({}),
    /** Where the marketplace's API is called; empty for its production hosts (tests and staging set their own). */
    apiBaseUrl: varchar('api_base_url', { length: 255 }).notNull().default(''),
    /** The seller / merchant id the API's paths and credentials name (Trendyol, Hepsiburada, Amazon). */
    apiSellerId: varchar('api_seller_id', { length: 64 }).notNull().default(''),
    /** Non-secret API options of the marketplace: integrator name, Amazon marketplace id. */
    apiOptions: json('api_options').notNull().default({}),
    /** The API credentials (keys, secrets, tokens) as JSON sealed like the webhook secret; null until given. */
    apiCredentialsCiphertext: text('api_credentials_ciphertext'),
    apiCredentialsUpdatedAt: datetime('api_credentials_updated_at', { mode: 'date', fsp: 3 }),
    status: mysqlEnum('status', ACCOUNT_STATUSES).notNull().default('active'),
    secretRotatedAt: datetime('secret_rotated_at', { mode: 'date', fsp: 3 }),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [index('msc_marketplace_account_tenant_idx').on(t.tenantId, t.marketplace)],
);

export type MarketplaceAccount = typeof marketplaceAccounts.$inferSelect;
export type NewMarketplaceAccount = typeof marketplaceAccounts.$inferInsert;
