/**
 * OpenCart tables the Drizzle mirror in lib/db/opencart does not hold (product_reward and the tax
 * tables) are read with plain SQL named by the shop's prefix. A database built from the mirror
 * alone has none of them: callers then get no rows, as OpenCart would with empty tables.
 */
import { getTableName, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { OpenCartTables } from '@/lib/db/opencart';
import type { Db } from '@/lib/db/pool';

/** The shop's DB_PREFIX, read back from a mirrored table's name. */
export function openCartPrefix(oc: OpenCartTables): string {
  return getTableName(oc.product).slice(0, -'product'.length);
}

export function prefixedTable(oc: OpenCartTables, name: string): SQL {
  return sql`${sql.identifier(`${openCartPrefix(oc)}${name}`)}`;
}

const countSchema = z.array(z.object({ n: z.coerce.number() }));

export async function tablesExist(db: Db, oc: OpenCartTables, names: readonly string[]): Promise<boolean> {
  const prefix = openCartPrefix(oc);
  const fullNames = names.map((n) => `${prefix}${n}`);
  const [raw] = await db.execute(sql`
    SELECT COUNT(*) AS n FROM information_schema.tables
    WHERE table_schema = DATABASE() AND table_name IN (${sql.join(fullNames.map((n) => sql`${n}`), sql`, `)})`);
  return countSchema.parse(raw)[0]?.n === fullNames.length;
}

/** Runs a read on unmirrored tables and validates its rows; no rows when a table is absent. */
export async function selectFromUnmirrored<T extends z.ZodType>(
  db: Db,
  oc: OpenCartTables,
  tables: readonly string[],
  rowSchema: T,
  query: SQL,
): Promise<Array<z.infer<T>>> {
  if (!(await tablesExist(db, oc, tables))) return [];
  const [raw] = await db.execute(query);
  return z.array(rowSchema).parse(raw);
}
