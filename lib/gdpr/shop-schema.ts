import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/lib/db/pool';
import { selectRows } from '@/lib/orders/raw-sql';

/** The shop database's tables and their columns, as the server reports them now. */
export type ShopSchema = Map<string, Set<string>>;

/**
 * Read once per export, preview or erasure: OpenCart 3.0 and 4.0 differ in tables (4.0 adds oc_gdpr) and
 * columns (4.0 drops fax, salt and others), so what is read and written is limited to what exists.
 */
export async function readShopSchema(db: DbOrTx): Promise<ShopSchema> {
  const rows = await selectRows(
    db,
    sql`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE()`,
    z.object({ t: z.string(), c: z.string() }),
  );
  const schema: ShopSchema = new Map();
  for (const { t, c } of rows) {
    const columns = schema.get(t) ?? new Set<string>();
    columns.add(c.toLowerCase());
    schema.set(t, columns);
  }
  return schema;
}
