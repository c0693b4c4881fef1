/** Reads the demo's rows back for the tests: checksums and per-order consistency queries. */
import { createHash } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import { z } from 'zod';
import type { OpenCart4Tables, OpenCartTables } from '@/lib/db/opencart';
import type { Db } from '@/lib/db/pool';
import type { DemoShop } from './demo-shop';

/** Every column of `table`, in id order. */
function wholeRows(db: Db, table: MySqlTable, id: MySqlColumn) {
  return db.select().from(table).orderBy(asc(id));
}

/** One sha256 over every demo-written row (whole rows, in the shop's own shapes), in id order; equal checksums mean identical rows. */
export async function checksumDemoRows(db: Db, shop: DemoShop): Promise<string> {
  const hash = createHash('sha256');
  const { oc } = shop;
  // The tables whose shape differs between the lines; the others are 3.0's on both.
  const own = shop.version === '4.0' ? shop.oc4 : oc;
  const tables = [
    ['customer', await wholeRows(db, own.customer, own.customer.customerId)],
    ['address', await wholeRows(db, own.address, own.address.addressId)],
    ['order', await wholeRows(db, own.order, own.order.orderId)],
    ['order_product', await wholeRows(db, own.orderProduct, own.orderProduct.orderProductId)],
    ['order_total', await wholeRows(db, own.orderTotal, own.orderTotal.orderTotalId)],
    ['order_history', await wholeRows(db, oc.orderHistory, oc.orderHistory.orderHistoryId)],
    ['product', await db.select({ id: oc.product.productId, q: oc.product.quantity, p: oc.product.price }).from(oc.product).orderBy(asc(oc.product.productId))],
  ] as const;
  for (const [name, rows] of tables) hash.update(`${name}:${JSON.stringify(rows)}\n`);
  return hash.digest('hex');
}

/** The mirrored table an OpenCart table name (without prefix) stands for: `order_product` is `oc.orderProduct`. */
function mirroredTable(oc: OpenCartTables | OpenCart4Tables, name: string): MySqlTable {
  const key = name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const table = (oc as Record<string, MySqlTable | undefined>)[key];
  if (!table) throw new Error(`{t:${name}} is not a mirrored OpenCart table`);
  return table;
}

/** Runs a SELECT whose `{t:name}` placeholders are the shop's prefixed tables, validating rows. */
export async function selectRows<T extends z.ZodType>(
  db: Db,
  oc: OpenCartTables | OpenCart4Tables,
  rowSchema: T,
  text: string,
): Promise<Array<z.infer<T>>> {
  const parts = text.split(/\{t:([a-z_]+)\}/);
  const chunks = parts.map((part, i) => (i % 2 === 1 ? sql`${mirroredTable(oc, part)}` : sql.raw(part)));
  const [raw] = await db.execute(sql.join(chunks));
  return z.array(rowSchema).parse(raw);
}
