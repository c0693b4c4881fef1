import { bigint, boolean, datetime, index, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';

/** One row per login try, read by the lock-out rule (per username and per IP). */
export const loginAttempts = mysqlTable(
  'msc_login_attempt',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    username: varchar('username', { length: 64 }).notNull(),
    ip: varchar('ip', { length: 45 }).notNull(),
    success: boolean('success').notNull(),
    reason: varchar('reason', { length: 32 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [
    index('msc_login_attempt_username_idx').on(t.username, t.createdAt),
    index('msc_login_attempt_ip_idx').on(t.ip, t.createdAt),
  ],
);

export type LoginAttempt = typeof loginAttempts.$inferSelect;
