import { asc, sql, type SQL } from 'drizzle-orm';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { addOrderHistory } from './add-order-history';
import type { MarketplaceOrderRows, OrderLineRow, OrderTotalRow } from './build-marketplace-order';
import { executeWrite } from './raw-sql';

const NON_ASCII = /[\u007f-\uffff]/g;

/**
 * What `oc_order.custom_field` holds for an order we created: JSON, as OpenCart keeps custom fields,
 * under a key OpenCart never reads (its admin looks custom fields up by their numeric ids). Written
 * ASCII-only, the way PHP's json_encode escapes, so that it compares byte for byte whatever the
 * table's charset. OpenCart's own order edit rewrites custom_field; by then the link row holds the
 * order id and the marker is no longer needed.
 */
export function orderMarker(accountId: number, externalOrderId: string): string {
  return JSON.stringify({ meschain: `${accountId}:${externalOrderId}` }).replace(
    NON_ASCII,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export type FoundOrder = { orderId: number; orderStatusId: number };

/**
 * The order a previous attempt inserted, by its marker. custom_field has no index, so this scans
 * oc_order; it runs only when a previous attempt may have got as far as the insert (see
 * ensureOpenCartOrder). CAST AS BINARY: utf8_general_ci would match `TY-1` with `ty-1 `.
 */
export async function findOrderByMarker(tdb: TenantDb, marker: string): Promise<FoundOrder | undefined> {
  const { db, oc } = tdb;
  const [found] = await db
    .select({ orderId: oc.order.orderId, orderStatusId: oc.order.orderStatusId })
    .from(oc.order)
    .where(sql`CAST(${oc.order.customField} AS BINARY) = ${marker}`)
    .orderBy(asc(oc.order.orderId))
    .limit(1);
  return found;
}

/** The guard shared by the line and total writers: only a still-unconfirmed order with none yet. */
function whileUnconfirmedAndEmpty(tdb: TenantDb, orderId: number, childTable: SQL): SQL {
  return sql`WHERE EXISTS (SELECT 1 FROM ${tdb.oc.order} WHERE order_id = ${orderId} AND order_status_id = 0)
    AND NOT EXISTS (SELECT 1 FROM ${childTable} WHERE order_id = ${orderId})`;
}

/**
 * All lines in ONE statement, and only while the order is unconfirmed (status 0, which has moved no
 * stock) and has no line yet. One INSERT … SELECT cannot be half-applied by a crash of ours, and a
 * second run (a retry, or a stalled worker that wakes up late) inserts nothing: no delete is needed,
 * so there is no moment when a confirmed order could lose or double its lines. UNION ALL rows rather
 * than VALUES ROW(): the one row-constructor form MariaDB and MySQL 8 share.
 */
export async function writeLinesIfAbsent(tdb: TenantDb, orderId: number, lines: readonly OrderLineRow[]): Promise<number> {
  const { oc } = tdb;
  const rows = lines.map((l, i) =>
    i === 0
      ? sql`SELECT ${orderId} AS order_id, ${l.productId} AS product_id, ${l.name} AS name, ${l.model} AS model,
          ${l.quantity} AS quantity, ${l.price} AS price, ${l.total} AS total, ${l.tax} AS tax, ${l.reward} AS reward`
      : sql`SELECT ${orderId}, ${l.productId}, ${l.name}, ${l.model}, ${l.quantity}, ${l.price}, ${l.total}, ${l.tax}, ${l.reward}`,
  );
  return executeWrite(
    tdb.db,
    sql`INSERT INTO ${oc.orderProduct} (order_id, product_id, name, model, quantity, price, total, tax, reward)
      SELECT v.* FROM (${sql.join(rows, sql` UNION ALL `)}) v
      ${whileUnconfirmedAndEmpty(tdb, orderId, sql`${oc.orderProduct}`)}`,
  );
}

/** The totals, under the same one-statement, unconfirmed-and-empty rule as the lines. */
export async function writeTotalsIfAbsent(tdb: TenantDb, orderId: number, totals: readonly OrderTotalRow[]): Promise<number> {
  const { oc } = tdb;
  const rows = totals.map((t, i) =>
    i === 0
      ? sql`SELECT ${orderId} AS order_id, ${t.code} AS code, ${t.title} AS title, ${t.value} AS value, ${t.sortOrder} AS sort_order`
      : sql`SELECT ${orderId}, ${t.code}, ${t.title}, ${t.value}, ${t.sortOrder}`,
  );
  return executeWrite(
    tdb.db,
    sql`INSERT INTO ${oc.orderTotal} (order_id, code, title, value, sort_order)
      SELECT v.* FROM (${sql.join(rows, sql` UNION ALL `)}) v
      ${whileUnconfirmedAndEmpty(tdb, orderId, sql`${oc.orderTotal}`)}`,
  );
}

export type OrderWriteStep = 'order_inserted' | 'lines_written' | 'totals_written' | 'status_updated';

export type EnsureOpenCartOrderInput = {
  /** The order's rows; `order.customField` holds its marker (orderMarker). */
  rows: MarketplaceOrderRows;
  /**
   * True only when no earlier attempt can have inserted the order (its intent row was created just now,
   * under the order lock): the marker scan is skipped. Anything else looks for the marker first.
   */
  knownAbsent: boolean;
  firstStatus: { orderStatusId: number; comment: string; dateAdded: string; dateModified: string };
  countedStatusIds: readonly number[];
};

/**
 * Makes the OpenCart order exist exactly once, confirmed with its first status, whatever a previous
 * attempt left behind. Each step can be repeated and tells the next run what is done:
 * 1. the order row, with status 0 and the marker (found by the marker, else inserted);
 * 2. its lines and 3. its totals, each one statement; for an order found rather than inserted, one
 *    that writes only while the order is at 0 and has none;
 * 4. status 0 → first status with the stock move, one compare-and-set statement, then the history row
 *    (addOrderHistory completes a history row a crash left out).
 * An order found past status 0 was confirmed by an earlier attempt: its lines and stock are settled,
 * and its status is left as it is (an admin may have moved it since).
 */
export async function ensureOpenCartOrder(
  tdb: TenantDb,
  input: EnsureOpenCartOrderInput,
  afterStep: (step: OrderWriteStep) => void | Promise<void> = () => undefined,
): Promise<number> {
  const found = input.knownAbsent ? undefined : await findOrderByMarker(tdb, input.rows.order.customField);
  let orderId = found?.orderId;
  if (orderId === undefined) {
    const [inserted] = await tdb.db.insert(tdb.oc.order).values(input.rows.order).$returningId();
    if (!inserted) throw new Error('OpenCart did not return the id of the inserted order');
    orderId = inserted.orderId;
    await afterStep('order_inserted');
  }
  if (!found) {
    // Inserted by this call a moment ago, under the order lock: no other writer knows the id yet, so
    // plain INSERTs do (each still one statement), and cost a fraction of the guarded INSERT … SELECT.
    await tdb.db.insert(tdb.oc.orderProduct).values(input.rows.lines.map((line) => ({ ...line, orderId })));
    await afterStep('lines_written');
    await tdb.db.insert(tdb.oc.orderTotal).values(input.rows.totals.map((total) => ({ ...total, orderId })));
    await afterStep('totals_written');
  } else if (found.orderStatusId === 0) {
    await writeLinesIfAbsent(tdb, orderId, input.rows.lines);
    await afterStep('lines_written');
    await writeTotalsIfAbsent(tdb, orderId, input.rows.totals);
    await afterStep('totals_written');
  }
  await addOrderHistory(
    tdb,
    {
      orderId,
      fromStatusId: 0,
      toStatusId: input.firstStatus.orderStatusId,
      comment: input.firstStatus.comment,
      dateAdded: input.firstStatus.dateAdded,
      dateModified: input.firstStatus.dateModified,
      countedStatusIds: input.countedStatusIds,
    },
    { afterStatusUpdate: () => afterStep('status_updated') },
  );
  return orderId;
}
