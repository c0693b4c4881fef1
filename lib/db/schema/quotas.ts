import { bigint, check, datetime, index, mysqlEnum, mysqlTable, primaryKey, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { relations, sql } from 'drizzle-orm';
import { tenants } from './tenants';

/** A counter row covers one minute or one UTC day. */
export const QUOTA_GRAINS = ['minute', 'day'] as const;
export type QuotaGrain = (typeof QUOTA_GRAINS)[number];

/**
 * A tenant's own limit for one quota resource (lib/quotas/resources.ts names them); without a row the
 * resource's default applies. `scope` narrows a resource, e.g. the marketplace of an API-call quota.
 */
export const quotaLimits = mysqlTable(
  'msc_quota_limit',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true })
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    resource: varchar('resource', { length: 48 }).notNull(),
    scope: varchar('scope', { length: 32 }).notNull().default(''),
    limitValue: bigint('limit_value', { mode: 'number', unsigned: true }).notNull(),
    updatedBy: varchar('updated_by', { length: 64 }).notNull(),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [uniqueIndex('msc_quota_limit_tenant_resource_uq').on(t.tenantId, t.resource, t.scope)],
);

/**
 * Fixed-window counters: how much of a metric (webhook events, API calls, …) a tenant used in one UTC
 * minute or day. A use adds to its minute and its day row in one upsert that also writes the limit it
 * was checked against; the CHECK constraint refuses the statement when a row would pass its limit, so
 * instances sharing the database count exactly and the rows are held only for that statement and the
 * commit (lib/quotas/quota-statements.ts). `limit_value` is NULL for an unlimited window and -1 for a
 * tenant that may not use anything (disabled). The key is the row's identity
 * (no surrogate id): every use is a primary-key lookup, and an upsert burns no auto-increment values.
 * No foreign key: the hottest write in the app should not check the tenant row, and tenants are
 * disabled, never deleted.
 */
export const quotaUsage = mysqlTable(
  'msc_quota_usage',
  {
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    metric: varchar('metric', { length: 32 }).notNull(),
    scope: varchar('scope', { length: 32 }).notNull().default(''),
    grain: mysqlEnum('grain', QUOTA_GRAINS).notNull(),
    /** UTC, aligned to the grain. */
    windowStart: datetime('window_start', { mode: 'date' }).notNull(),
    used: bigint('used', { mode: 'number', unsigned: true }).notNull().default(0),
    limitValue: bigint('limit_value', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ name: 'msc_quota_usage_pk', columns: [t.tenantId, t.metric, t.scope, t.grain, t.windowStart] }),
    index('msc_quota_usage_prune_idx').on(t.grain, t.windowStart),
    check('msc_quota_usage_within_limit', sql`${t.limitValue} IS NULL OR ${t.used} <= ${t.limitValue}`),
  ],
);

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/**
 * Something an admin should see until acknowledged (quota at 80% and 100% for now; alert rules come
 * later). `dedupe_key` names what the alert is about and its window, so one alert per window is raised
 * however many requests or instances notice it.
 */
export const alerts = mysqlTable(
  'msc_alert',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true })
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 64 }).notNull(),
    severity: mysqlEnum('severity', ALERT_SEVERITIES).notNull(),
    message: varchar('message', { length: 512 }).notNull(),
    dedupeKey: varchar('dedupe_key', { length: 191 }).notNull(),
    raisedAt: datetime('raised_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    acknowledgedAt: datetime('acknowledged_at', { mode: 'date', fsp: 3 }),
    acknowledgedBy: varchar('acknowledged_by', { length: 64 }),
  },
  (t) => [
    uniqueIndex('msc_alert_dedupe_uq').on(t.tenantId, t.kind, t.dedupeKey),
    index('msc_alert_tenant_raised_idx').on(t.tenantId, t.raisedAt),
  ],
);

export const quotaLimitsRelations = relations(quotaLimits, ({ one }) => ({
  tenant: one(tenants, { fields: [quotaLimits.tenantId], references: [tenants.id] }),
}));

export const alertsRelations = relations(alerts, ({ one }) => ({
  tenant: one(tenants, { fields: [alerts.tenantId], references: [tenants.id] }),
}));

export type QuotaLimit = typeof quotaLimits.$inferSelect;
export type QuotaUsageRow = typeof quotaUsage.$inferSelect;
export type Alert = typeof alerts.$inferSelect;
export type NewAlert = typeof alerts.$inferInsert;
