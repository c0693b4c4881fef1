import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { PoolConnection } from 'mysql2';
import type { StoreSettings } from '@/lib/shop/store-settings';
import { countedOrdersWhere } from '@/lib/overview/counted-orders';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import type { SalesWindow } from './sales-window';

export type ProductWeeklySales = {
  productId: number;
  /** Per week of the window, oldest first. */
  units: Float64Array;
  revenue: Float64Array;
};

/** Rows the server hands over per read of the stream; memory stays at about this many. */
const STREAM_HIGH_WATER_MARK = 2_000;

type PoolClient = { getConnection(cb: (err: NodeJS.ErrnoException | null, conn: PoolConnection) => void): void };

function connectionOf(shop: TenantDb): Promise<PoolConnection> {
  const client = (shop.db as unknown as { $client: PoolClient }).$client;
  return new Promise((resolve, reject) => client.getConnection((err, conn) => (err ? reject(err) : resolve(conn))));
}

/**
 * Units and net revenue per product and week from `order_product` joined to `order`, only orders that
 * count as sales (lib/overview/counted-orders.ts), streamed in product order and summed here per week,
 * so a catalogue of any size is read with one product's weeks in memory at a time. OpenCart has no index
 * on `order_product.product_id`: one pass over the window beats a lookup per product, and sorting the
 * lines was measured at a third of the time of grouping them on the server (docs/benchmarks.md).
 */
export async function* streamWeeklySales(
  shop: TenantDb,
  settings: StoreSettings,
  window: SalesWindow,
  products: { productIds: readonly number[] } | { afterProductId: number },
): AsyncGenerator<ProductWeeklySales> {
  const where = countedOrdersWhere(shop, settings, { start: `${window.start} 00:00:00`, end: `${window.end} 00:00:00` });
  if (!where) return;
  const { order: o, orderProduct: op } = shop.oc;
  const week = sql`FLOOR(DATEDIFF(${o.dateAdded}, ${window.start}) / 7)`;
  const query = shop.db
    .select({ productId: op.productId, week, units: op.quantity, revenue: op.total })
    .from(op)
    .innerJoin(o, eq(o.orderId, op.orderId))
    .where(
      and(
        where,
        'productIds' in products ? inArray(op.productId, [...products.productIds]) : gt(op.productId, products.afterProductId),
      ),
    )
    .orderBy(op.productId)
    .toSQL();

  const conn = await connectionOf(shop);
  const stream = conn.query({ sql: query.sql, rowsAsArray: true }, query.params).stream({ highWaterMark: STREAM_HIGH_WATER_MARK });
  let current: ProductWeeklySales | null = null;
  try {
    for await (const row of stream as AsyncIterable<[number, number | string, number | string, string]>) {
      const productId = Number(row[0]);
      if (current && current.productId !== productId) {
        yield current;
        current = null;
      }
      current ??= { productId, units: new Float64Array(window.weeks), revenue: new Float64Array(window.weeks) };
      const index = Number(row[1]);
      if (index < 0 || index >= window.weeks) continue;
      current.units[index] = current.units[index]! + Number(row[2]);
      current.revenue[index] = current.revenue[index]! + Number(row[3]);
    }
    if (current) yield current;
  } finally {
    // A consumer that stops early (the time budget) leaves rows unread: the connection cannot be reused.
    if (!stream.readableEnded) {
      stream.destroy();
      conn.destroy();
    } else {
      conn.release();
    }
  }
}
