import { buildOpenCart3Tables } from './v3';

export const DEFAULT_OPENCART_PREFIX = 'oc_';
// The prefix becomes part of SQL identifiers, so only letters, digits and underscores are allowed.
const OPENCART_PREFIX_PATTERN = /^[A-Za-z0-9_]{0,32}$/;

export function assertOpenCartPrefix(prefix: string): void {
  if (!OPENCART_PREFIX_PATTERN.test(prefix)) throw new Error(`Invalid table prefix "${prefix}"`);
}

/** Drizzle tables for one shop's OpenCart database, named with its table prefix (DB_PREFIX). */
export function buildOpenCartTables(prefix: string) {
  assertOpenCartPrefix(prefix);
  return buildOpenCart3Tables(prefix);
}

export type OpenCartTables = ReturnType<typeof buildOpenCartTables>;

const tablesByPrefix = new Map<string, OpenCartTables>();

/** The tables for a prefix, built once and reused by every query for that shop. */
export function openCartTables(prefix: string): OpenCartTables {
  let tables = tablesByPrefix.get(prefix);
  if (!tables) {
    tables = buildOpenCartTables(prefix);
    tablesByPrefix.set(prefix, tables);
  }
  return tables;
}
