/** Reads the demo's rows back for the tests: checksums and per-order consistency queries. */
import { createHash } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import type { MySqlTable } from 'drizzle-orm/mysql-core';
import { z } from 'zod';
import type { OpenCartTables } from '@/lib/db/opencart';
import type { Db } from '@/lib/db/pool';

/** One sha256 over every demo-written row, in id order; equal checksums mean identical rows. */
export async function checksumDemoRows(db: Db, oc: OpenCartTables): Promise<string> {
  const hash = createHash('sha256');
  const tables = [
    ['customer', await db.select().from(oc.customer).orderBy(asc(oc.customer.customerId))],
    ['address', await db.select().from(oc.address).orderBy(asc(oc.address.addressId))],
    ['order', await db.select().from(oc.order).orderBy(asc(oc.order.orderId))],
    ['order_product', await db.select().from(oc.orderProduct).orderBy(asc(oc.orderProduct.orderProductId))],
    ['order_total', await db.select().from(oc.orderTotal).orderBy(asc(oc.orderTotal.orderTotalId))],
    ['order_history', await db.select().from(oc.orderHistory).orderBy(asc(oc.orderHistory.orderHistoryId))],
    ['product', await db.select({ id: oc.product.productId, q: oc.product.quantity, p: oc.product.price }).from(oc.product).orderBy(asc(oc.product.productId))],
  ] as const;
  for (const [name, rows] of tables) hash.update(`${name}:${JSON.stringify(rows)}\n`);
  return hash.digest('hex');
}

/** The mirrored table an OpenCart table name (without prefix) stands for: `order_product` is `oc.orderProduct`. */
function mirroredTable(oc: OpenCartTables, name: string): MySqlTable {
  const key = name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const table = (oc as Record<string, MySqlTable | undefined>)[key];
  if (!table) throw new Error(`{t:${name}} is not a mirrored OpenCart table`);
  return table;
}

/** Runs a SELECT whose `{t:name}` placeholders are the shop's prefixed tables, validating rows. */
export async function selectRows<T extends z.ZodType>(
  db: Db,
  oc: OpenCartTables,
  rowSchema: T,
  text: string,
): Promise<Array<z.infer<T>>> {
  const parts = text.split(/\{t:([a-z_]+)\}/);
  const chunks = parts.map((part, i) => (i % 2 === 1 ? sql`${mirroredTable(oc, part)}` : sql.raw(part)));
  const [raw] = await db.execute(sql.join(chunks));
  return z.array(rowSchema).parse(raw);
}
