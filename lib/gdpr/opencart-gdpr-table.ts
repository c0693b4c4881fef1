import { sql } from 'drizzle-orm';
import { datetime, int, mysqlTable, tinyint, varchar } from 'drizzle-orm/mysql-core';
import { z } from 'zod';
import type { DbOrTx } from '@/lib/db/pool';
import { assertOpenCartPrefix } from '@/lib/db/opencart';
import { selectRows } from '@/lib/orders/raw-sql';

/**
 * OpenCart 4's `oc_gdpr` (4.0.2.3): the storefront's own request form. OpenCart 3.0.x has no such table,
 * so the app looks for it first and leaves it alone when it is absent. Status codes as OpenCart's admin
 * uses them: 0 unverified, 1 pending, 2 processing, 3 complete, -1 denied.
 */
export function openCartGdprTable(prefix: string) {
  assertOpenCartPrefix(prefix);
  return mysqlTable(`${prefix}gdpr`, {
    gdprId: int('gdpr_id').autoincrement().primaryKey(),
    storeId: int('store_id').notNull(),
    languageId: int('language_id').notNull(),
    code: varchar('code', { length: 40 }).notNull(),
    email: varchar('email', { length: 96 }).notNull(),
    action: varchar('action', { length: 6 }).notNull(),
    status: tinyint('status').notNull(),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
  });
}

export type OpenCartGdprTable = ReturnType<typeof openCartGdprTable>;

export const OC_GDPR_STATUS = { unverified: 0, pending: 1, processing: 2, complete: 3, denied: -1 } as const;

/** The shop's oc_gdpr table when its database has one (OpenCart 4), else null (OpenCart 3). */
export async function findOpenCartGdprTable(db: DbOrTx, prefix: string): Promise<OpenCartGdprTable | null> {
  const rows = await selectRows(
    db,
    sql`SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ${`${prefix}gdpr`}`,
    z.object({ n: z.coerce.number() }),
  );
  return (rows[0]?.n ?? 0) > 0 ? openCartGdprTable(prefix) : null;
}
