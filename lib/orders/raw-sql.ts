import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/lib/db/pool';

/**
 * Rows of a raw SELECT (what the query builder cannot say: information_schema, GET_LOCK), checked
 * against a schema rather than cast, so a driver or server difference fails loudly here.
 */
export async function selectRows<S extends z.ZodType>(db: DbOrTx, query: SQL, rowSchema: S): Promise<Array<z.infer<S>>> {
  const [rows] = (await db.execute(query)) as unknown as [unknown];
  return z.array(rowSchema).parse(rows);
}

/** Rows changed (or matched, with mysql2's FOUND_ROWS flag) by a raw INSERT/UPDATE/DELETE. */
export async function executeWrite(db: DbOrTx, statement: SQL): Promise<number> {
  const [header] = await db.execute(statement);
  return header.affectedRows;
}
