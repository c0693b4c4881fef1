/**
 * Multi-row INSERTs for the demo's large batches. Drizzle's insert builder spends about a
 * microsecond per value on entity checks, and 160k orders hold some 20M values, so these inserts
 * are written as one SQL text per batch from the table's own Drizzle column list, with mysql2's
 * escaping, and sent through the same Drizzle handle. Rows stay typed as the table's insert type.
 */
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { MySqlTable } from 'drizzle-orm/mysql-core';
import { escape, escapeId } from 'mysql2';
import type { Db } from '@/lib/db/pool';

type InsertValue = string | number | null;

export async function insertRows<T extends MySqlTable>(db: Db, table: T, rows: ReadonlyArray<T['$inferInsert']>) {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, name: column.name }));
  const values = rows.map((row) => {
    const record = row as Record<string, InsertValue | undefined>;
    const cells = columns.map(({ key, name }) => {
      const value = record[key];
      // Every column is supplied: many of OpenCart's NOT NULL columns have no default in strict mode.
      if (value === undefined) throw new Error(`Row for ${getTableName(table)} lacks ${name}`);
      return escape(value);
    });
    return `(${cells.join(',')})`;
  });
  const statement = `INSERT INTO ${escapeId(getTableName(table))} (${columns.map((c) => escapeId(c.name)).join(',')}) VALUES ${values.join(',')}`;
  await db.execute(sql.raw(statement));
}
