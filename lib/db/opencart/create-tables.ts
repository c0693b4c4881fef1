import { is, SQL } from 'drizzle-orm';
import { getTableConfig, MySqlColumn, MySqlColumnWithAutoIncrement, type MySqlTable } from 'drizzle-orm/mysql-core';
import mysql from 'mysql2/promise';
import { DEFAULT_OPENCART_PREFIX, openCart4Tables, openCartTables, type OpenCart4Tables, type OpenCartTables, type OpenCartVersion } from '.';
import { OPENCART_SQL_MODE } from './install-sql';

/** What each line's installer declares for every table the mirror holds. */
const TABLE_OPTIONS: Record<OpenCartVersion, string> = {
  '3.0': 'ENGINE=MyISAM DEFAULT CHARSET=utf8 COLLATE=utf8_general_ci',
  '4.0': 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci',
};

function quoteIdentifier(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

function defaultClause(column: MySqlColumn): string {
  const value: unknown = column.default;
  if (value === undefined) return '';
  if (typeof value === 'number') return ` DEFAULT ${value}`;
  // MySQL 8 takes a TEXT default only as an expression; MariaDB reads both forms the same.
  if (typeof value === 'string') return column.getSQLType() === 'text' ? ` DEFAULT (${quoteLiteral(value)})` : ` DEFAULT ${quoteLiteral(value)}`;
  throw new Error(`Column ${column.name}: no DDL for a default of type ${typeof value}`);
}

/** Drizzle cannot declare display widths; every tinyint OpenCart 3 declares is a tinyint(1) flag. */
function sqlType(column: MySqlColumn): string {
  const type = column.getSQLType();
  return type === 'tinyint' ? 'tinyint(1)' : type;
}

function columnDefinition(column: MySqlColumn): string {
  const autoIncrement = is(column, MySqlColumnWithAutoIncrement) && column.autoIncrement;
  return [
    `${quoteIdentifier(column.name)} ${sqlType(column)}`,
    column.notNull ? ' NOT NULL' : '',
    defaultClause(column),
    autoIncrement ? ' AUTO_INCREMENT' : '',
  ].join('');
}

function columnList(columns: Array<MySqlColumn | SQL>): string {
  return columns
    .map((column) => {
      if (is(column, SQL)) throw new Error('Expression indexes have no place in the OpenCart mirror');
      return quoteIdentifier(column.name);
    })
    .join(',');
}

/** `CREATE TABLE IF NOT EXISTS` for a mirrored table, as the line's installer would declare it. */
export function buildCreateTableSql(table: MySqlTable, version: OpenCartVersion = '3.0'): string {
  const config = getTableConfig(table);
  const primaryKey = config.primaryKeys[0]?.columns ?? config.columns.filter((column) => column.primary);
  const lines = [
    ...config.columns.map(columnDefinition),
    `PRIMARY KEY (${columnList(primaryKey)})`,
    ...config.indexes.map(
      ({ config: index }) =>
        `${index.unique ? 'UNIQUE KEY' : 'KEY'} ${quoteIdentifier(index.name)} (${columnList(index.columns)})`,
    ),
  ];
  const body = lines.join(',\n  ');
  return `CREATE TABLE IF NOT EXISTS ${quoteIdentifier(config.name)} (\n  ${body}\n) ${TABLE_OPTIONS[version]}`;
}

/**
 * Creates the mirrored OpenCart tables in the URL's database (tables that exist are left alone), for a demo
 * database without OpenCart's own install SQL.
 */
export async function createOpenCartTables(url: string, prefix = DEFAULT_OPENCART_PREFIX): Promise<OpenCartTables> {
  const tables = openCartTables(prefix);
  await createTables(url, Object.values(tables), '3.0');
  return tables;
}

/** The same for OpenCart 4.0.2.x: its mirror's tables, InnoDB and utf8mb4 as its installer creates them. */
export async function createOpenCart4Tables(url: string, prefix = DEFAULT_OPENCART_PREFIX): Promise<OpenCart4Tables> {
  const tables = openCart4Tables(prefix);
  await createTables(url, Object.values(tables), '4.0');
  return tables;
}

async function createTables(url: string, tables: MySqlTable[], version: OpenCartVersion) {
  const conn = await mysql.createConnection({ uri: url, charset: 'utf8mb4' });
  try {
    // OpenCart 3 declares '0000-00-00' defaults, which MySQL 8's default NO_ZERO_DATE mode rejects.
    await conn.query(`SET SESSION sql_mode = '${OPENCART_SQL_MODE}'`);
    for (const table of tables) await conn.query(buildCreateTableSql(table, version));
  } finally {
    await conn.end();
  }
}
