import type { Connection as PromiseConnection } from 'mysql2/promise';
import { z } from 'zod';
import { literalKindOf, quoteName, type LiteralKind } from './sql-literal';

export type TableSource = 'opencart' | 'companion';

export type TablePlan = {
  name: string;
  source: TableSource;
  engine: string;
  columns: Array<{ name: string; kind: LiteralKind }>;
  createSql: string;
};

/**
 * The companion tables a shop's backup carries: its settings and links, which a restored shop needs to
 * keep selling. Logs, counters, queues and the backups' own tables are left out: restoring them over a
 * live shop would rewind history that happened since.
 */
export const COMPANION_TABLES = ['msc_marketplace_account', 'msc_product_link', 'msc_order_status_map', 'msc_sync_settings', 'msc_marketplace_order'] as const;

const tableRowSchema = z.object({ name: z.string(), engine: z.string().nullable() });
const columnRowSchema = z.object({ table_name: z.string(), name: z.string(), data_type: z.string() });
const createRowSchema = z.object({ 'Create Table': z.string() });

/** `_` and `%` are wildcards in LIKE: a prefix is matched as written. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\_%]/g, (c) => `\\${c}`)}%`;
}

async function tablesOf(conn: PromiseConnection, where: string, params: unknown[]) {
  const [rows] = await conn.query(
    `SELECT table_name AS name, engine FROM information_schema.tables
     WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND ${where} ORDER BY table_name`,
    params,
  );
  return z.array(tableRowSchema).parse(rows);
}

async function describe(conn: PromiseConnection, tables: Array<{ name: string; engine: string | null }>, source: TableSource): Promise<TablePlan[]> {
  if (tables.length === 0) return [];
  const [columnRows] = await conn.query(
    `SELECT table_name, column_name AS name, data_type FROM information_schema.columns
     WHERE table_schema = DATABASE() AND table_name IN (?) ORDER BY table_name, ordinal_position`,
    [tables.map((t) => t.name)],
  );
  const columns = new Map<string, TablePlan['columns']>();
  for (const c of z.array(columnRowSchema).parse(columnRows)) {
    const list = columns.get(c.table_name) ?? [];
    list.push({ name: c.name, kind: literalKindOf(c.data_type) });
    columns.set(c.table_name, list);
  }
  const plans: TablePlan[] = [];
  for (const t of tables) {
    const [createRows] = await conn.query(`SHOW CREATE TABLE ${quoteName(t.name)}`);
    const [create] = z.array(createRowSchema).parse(createRows);
    plans.push({ name: t.name, source, engine: t.engine ?? 'InnoDB', columns: columns.get(t.name) ?? [], createSql: create!['Create Table'] });
  }
  return plans;
}

/** Every base table with the shop's prefix (companion tables excluded, in case the prefix is empty). */
export async function planOpenCartTables(conn: PromiseConnection, prefix: string): Promise<TablePlan[]> {
  const tables = await tablesOf(conn, "table_name LIKE ? AND table_name NOT LIKE 'msc\\_%'", [likePrefix(prefix)]);
  return describe(conn, tables, 'opencart');
}

/** The companion tables of COMPANION_TABLES that exist in this database. */
export async function planCompanionTables(conn: PromiseConnection): Promise<TablePlan[]> {
  const tables = await tablesOf(conn, 'table_name IN (?)', [[...COMPANION_TABLES]]);
  return describe(conn, tables, 'companion');
}

/** Named tables of this database (those that exist), for checking a restore table by table. */
export async function planTablesNamed(conn: PromiseConnection, names: string[], source: TableSource): Promise<TablePlan[]> {
  return describe(conn, await tablesOf(conn, 'table_name IN (?)', [names]), source);
}
