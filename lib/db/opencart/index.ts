import { buildOpenCart3Tables } from './v3';
import { buildOpenCart4Changes } from './v4';

export const DEFAULT_OPENCART_PREFIX = 'oc_';
// The prefix becomes part of SQL identifiers, so only letters, digits and underscores are allowed.
const OPENCART_PREFIX_PATTERN = /^[A-Za-z0-9_]{0,32}$/;

/** The OpenCart lines the app serves: 3.0.x (mirror from 3.0.4.1) and 4.0.x (mirror from 4.0.2.3). */
export const OPENCART_VERSIONS = ['3.0', '4.0'] as const;
export type OpenCartVersion = (typeof OPENCART_VERSIONS)[number];

export function assertOpenCartPrefix(prefix: string): void {
  if (!OPENCART_PREFIX_PATTERN.test(prefix)) throw new Error(`Invalid table prefix "${prefix}"`);
}

/** Drizzle tables for one shop's OpenCart 3.0 database, named with its table prefix (DB_PREFIX). */
export function buildOpenCartTables(prefix: string) {
  assertOpenCartPrefix(prefix);
  return buildOpenCart3Tables(prefix);
}

/**
 * Drizzle tables for an OpenCart 4.0 database: the very 3.0 table objects where 4.0 left a table alone,
 * 4.0's own where it changed one, and the tables 4.0 added (oc_address_format, oc_gdpr).
 */
export function buildOpenCart4Tables(prefix: string) {
  assertOpenCartPrefix(prefix);
  return { ...openCartTables(prefix), ...buildOpenCart4Changes(prefix) };
}

/**
 * The 3.0 tables. Columns both versions share (every column the read paths use) work on a 4.0 database
 * too; what differs (whole-row selects, inserts, 3.0-only columns) goes through openCart4Tables there.
 */
export type OpenCartTables = ReturnType<typeof buildOpenCartTables>;
export type OpenCart4Tables = ReturnType<typeof buildOpenCart4Tables>;

function memo<T>(build: (prefix: string) => T): (prefix: string) => T {
  const byPrefix = new Map<string, T>();
  return (prefix) => {
    let tables = byPrefix.get(prefix);
    if (!tables) {
      tables = build(prefix);
      byPrefix.set(prefix, tables);
    }
    return tables;
  };
}

/** The tables for a prefix, built once and reused by every query for that shop. */
export const openCartTables: (prefix: string) => OpenCartTables = memo(buildOpenCartTables);
/** The OpenCart 4.0 tables for a prefix, built once. */
export const openCart4Tables: (prefix: string) => OpenCart4Tables = memo(buildOpenCart4Tables);
