import { bigint, datetime, index, int, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { relations, sql } from 'drizzle-orm';
import { tenants } from './tenants';

export const TENANT_ROLES = ['admin', 'operator', 'viewer'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/**
 * What an OpenCart admin (oc_user of the main database, by user_id) may do in a tenant.
 * Without a row, Administrator-group users are admin of the default tenant and others viewer.
 */
export const tenantGrants = mysqlTable(
  'msc_tenant_grant',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true })
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: int('user_id').notNull(),
    username: varchar('username', { length: 64 }).notNull(),
    role: mysqlEnum('role', TENANT_ROLES).notNull(),
    grantedBy: varchar('granted_by', { length: 64 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [uniqueIndex('msc_tenant_grant_tenant_user_uq').on(t.tenantId, t.userId), index('msc_tenant_grant_user_idx').on(t.userId)],
);

export const tenantGrantsRelations = relations(tenantGrants, ({ one }) => ({
  tenant: one(tenants, { fields: [tenantGrants.tenantId], references: [tenants.id] }),
}));

export type TenantGrant = typeof tenantGrants.$inferSelect;
export type NewTenantGrant = typeof tenantGrants.$inferInsert;

/** The shop a user last chose in the header's switcher, remembered across browsers and devices. */
export const tenantChoices = mysqlTable(
  'msc_tenant_choice',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    userId: int('user_id').notNull(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true })
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    chosenAt: datetime('chosen_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [uniqueIndex('msc_tenant_choice_user_uq').on(t.userId)],
);

export type TenantChoice = typeof tenantChoices.$inferSelect;
