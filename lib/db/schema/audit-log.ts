import { bigint, datetime, index, int, json, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';

/** Every login (failed or not) and every write anywhere in the app. */
export const auditLog = mysqlTable(
  'msc_audit_log',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }),
    actorUserId: int('actor_user_id'),
    actorUsername: varchar('actor_username', { length: 64 }).notNull(),
    action: varchar('action', { length: 64 }).notNull(),
    targetType: varchar('target_type', { length: 64 }).notNull().default(''),
    targetId: varchar('target_id', { length: 64 }).notNull().default(''),
    before: json('before'),
    after: json('after'),
    ip: varchar('ip', { length: 45 }).notNull().default(''),
    userAgent: varchar('user_agent', { length: 255 }).notNull().default(''),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [
    index('msc_audit_log_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('msc_audit_log_action_idx').on(t.action, t.createdAt),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
export type NewAuditLogRow = typeof auditLog.$inferInsert;
