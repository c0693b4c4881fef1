import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/lib/db/pool';
import { selectRows } from '@/lib/orders/raw-sql';
import { utcDateSchema } from './database-time';

/**
 * Backups and GDPR requests come with later issues. Their checks and alert rules look for the tables
 * (and the columns they read) first and evaluate to nothing until they exist. Assumed shapes:
 * `msc_backup(tenant_id, status, finished_at)` with status 'succeeded' for a good backup, and
 * `msc_gdpr_request(id, tenant_id, status, due_at)` with status 'completed' or 'rejected' once closed.
 */
async function hasColumns(db: DbOrTx, table: string, columns: string[]): Promise<boolean> {
  const rows = await selectRows(
    db,
    sql`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ${table}`,
    z.object({ name: z.string() }),
  );
  const have = new Set(rows.map((r) => r.name.toLowerCase()));
  return columns.every((c) => have.has(c));
}

/** The newest good backup's finish time, null when none, 'no-table' before backups exist. */
export async function newestGoodBackup(db: DbOrTx, tenantId?: number): Promise<Date | null | 'no-table'> {
  if (!(await hasColumns(db, 'msc_backup', ['tenant_id', 'status', 'finished_at']))) return 'no-table';
  const tenantFilter = tenantId === undefined ? sql`` : sql` AND tenant_id = ${tenantId}`;
  const [row] = await selectRows(
    db,
    sql`SELECT MAX(finished_at) AS newest FROM msc_backup WHERE status = 'succeeded'${tenantFilter}`,
    z.object({ newest: utcDateSchema.nullable() }),
  );
  return row?.newest ?? null;
}

/** Open GDPR requests due within `days`, or 'no-table' before the GDPR feature exists. */
export async function gdprRequestsDueSoon(db: DbOrTx, tenantId: number, days: number): Promise<Array<{ id: number; dueAt: Date }> | 'no-table'> {
  if (!(await hasColumns(db, 'msc_gdpr_request', ['id', 'tenant_id', 'status', 'due_at']))) return 'no-table';
  const rows = await selectRows(
    db,
    sql`SELECT id, due_at FROM msc_gdpr_request
        WHERE tenant_id = ${tenantId} AND status NOT IN ('completed', 'rejected') AND due_at <= UTC_TIMESTAMP(3) + INTERVAL ${days} DAY`,
    z.object({ id: z.coerce.number(), due_at: utcDateSchema }),
  );
  return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
}
