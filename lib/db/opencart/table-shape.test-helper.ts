import { is } from 'drizzle-orm';
import { getTableConfig, MySqlColumnWithAutoIncrement, type MySqlTable } from 'drizzle-orm/mysql-core';
import { getPool } from '@/lib/db/pool';
import type { TestDatabase } from '@/lib/testing/harness';

/** A table's columns, primary key and indexes as the mirror declares them or the server reports them. */
type ColumnShape = { name: string; type: string; nullable: boolean; default: string | null; autoIncrement: boolean };
type IndexShape = { name: string; columns: string[]; unique: boolean };
export type TableShape = { columns: ColumnShape[]; primaryKey: string[]; indexes: IndexShape[] };

// MariaDB 10.11 reports integer display widths (int(11), tinyint(1)), MySQL 8.0.19+ does not, and Drizzle never
// declares them. They change neither storage nor range, so shapes are compared without them.
function withoutDisplayWidth(type: string): string {
  return type.replace(/^(tinyint|smallint|mediumint|int|bigint)\(\d+\)/, '$1');
}

// MariaDB shows a default as an SQL literal ('0000-00-00', 0.0000) and DEFAULT NULL as the text NULL.
function informationSchemaDefault(value: string | null): string | null {
  if (value === null || value === 'NULL') return null;
  const quoted = /^'(.*)'$/s.exec(value);
  return quoted ? quoted[1]!.replaceAll("''", "'") : value;
}

const byName = (a: IndexShape, b: IndexShape) => a.name.localeCompare(b.name);

export function mirrorShape(table: MySqlTable): TableShape {
  const config = getTableConfig(table);
  const primaryKey = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary);
  return {
    columns: config.columns.map((column) => ({
      name: column.name,
      type: column.getSQLType(),
      nullable: !column.notNull,
      default: column.default === undefined ? null : String(column.default),
      autoIncrement: is(column, MySqlColumnWithAutoIncrement) && column.autoIncrement,
    })),
    primaryKey: primaryKey.map((c) => c.name),
    indexes: config.indexes
      .map(({ config: index }) => ({
        name: index.name,
        columns: index.columns.map((c) => ('name' in c ? c.name : String(c))),
        unique: index.unique ?? false,
      }))
      .sort(byName),
  };
}

type ColumnRow = { name: string; type: string; nullable: string; def: string | null; extra: string };
type IndexRow = { indexName: string; columnName: string; nonUnique: number };

export async function databaseShape(t: TestDatabase, tableName: string): Promise<TableShape | undefined> {
  const pool = getPool(t.url);
  const [columns] = await pool.query(
    `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS def, EXTRA AS extra
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
    [tableName],
  );
  const columnRows = columns as ColumnRow[];
  if (columnRows.length === 0) return undefined;
  const [indexes] = await pool.query(
    `SELECT INDEX_NAME AS indexName, COLUMN_NAME AS columnName, NON_UNIQUE AS nonUnique
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
      ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
    [tableName],
  );
  const secondary = new Map<string, IndexShape>();
  const primaryKey: string[] = [];
  for (const row of indexes as IndexRow[]) {
    if (row.indexName === 'PRIMARY') {
      primaryKey.push(row.columnName);
      continue;
    }
    const index = secondary.get(row.indexName) ?? { name: row.indexName, columns: [], unique: !Number(row.nonUnique) };
    index.columns.push(row.columnName);
    secondary.set(row.indexName, index);
  }
  return {
    columns: columnRows.map((c) => ({
      name: c.name,
      type: withoutDisplayWidth(c.type),
      nullable: c.nullable === 'YES',
      default: informationSchemaDefault(c.def),
      autoIncrement: c.extra.includes('auto_increment'),
    })),
    primaryKey,
    indexes: [...secondary.values()].sort(byName),
  };
}

