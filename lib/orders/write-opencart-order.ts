import { asc, inArray, sql, type SQL } from 'drizzle-orm';
import { openCart4Tables, type OpenCartVersion } from '@/lib/db/opencart';
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
export async function writeLinesIfAbsent(
  tdb: TenantDb,
  orderId: number,
  lines: readonly OrderLineRow[],
  version: OpenCartVersion = '3.0',
): Promise<number> {
  const { oc } = tdb;
  const rows = lines.map((l, i) =>
    i === 0
      ? sql`SELECT ${orderId} AS order_id, ${l.productId} AS product_id, ${l.name} AS name, ${l.model} AS model,
          ${l.quantity} AS quantity, ${l.price} AS price, ${l.total} AS total, ${l.tax} AS tax, ${l.reward} AS reward`
      : sql`SELECT ${orderId}, ${l.productId}, ${l.name}, ${l.model}, ${l.quantity}, ${l.price}, ${l.total}, ${l.tax}, ${l.reward}`,
  );
  // 4.0 keeps each line's master product (its stock moves with the variant's), read from the product as it is now.
  const insert = version === '4.0'
    ? sql`INSERT INTO ${oc.orderProduct} (order_id, product_id, master_id, name, model, quantity, price, total, tax, reward)
      SELECT v.order_id, v.product_id, COALESCE(p.master_id, 0), v.name, v.model, v.quantity, v.price, v.total, v.tax, v.reward
      FROM (${sql.join(rows, sql` UNION ALL `)}) v LEFT JOIN ${oc.product} p ON p.product_id = v.product_id`
    : sql`INSERT INTO ${oc.orderProduct} (order_id, product_id, name, model, quantity, price, total, tax, reward)
      SELECT v.* FROM (${sql.join(rows, sql` UNION ALL `)}) v`;
  return executeWrite(tdb.db, sql`${insert} ${whileUnconfirmedAndEmpty(tdb, orderId, sql`${oc.orderProduct}`)}`);
}

/** The extension a total belongs to in 4.0: OpenCart's own for its codes, ours for the marketplace's row. */
export function totalExtension(code: string): string {
  return code === 'marketplace' ? 'meschain' : 'opencart';
}

/** The totals, under the same one-statement, unconfirmed-and-empty rule as the lines. */
export async function writeTotalsIfAbsent(
  tdb: TenantDb,
  orderId: number,
  totals: readonly OrderTotalRow[],
  version: OpenCartVersion = '3.0',
): Promise<number> {
  const { oc } = tdb;
  const rows = totals.map((t, i) =>
    i === 0
      ? sql`SELECT ${orderId} AS order_id, ${t.code} AS code, ${t.title} AS title, ${t.value} AS value, ${t.sortOrder} AS sort_order,
          ${totalExtension(t.code)} AS extension`
      : sql`SELECT ${orderId}, ${t.code}, ${t.title}, ${t.value}, ${t.sortOrder}, ${totalExtension(t.code)}`,
  );
  const columns = version === '4.0' ? sql`(order_id, code, title, value, sort_order, extension)` : sql`(order_id, code, title, value, sort_order)`;
  const values = version === '4.0' ? sql`v.*` : sql`v.order_id, v.code, v.title, v.value, v.sort_order`;
  return executeWrite(
    tdb.db,
    sql`INSERT INTO ${oc.orderTotal} ${columns}
      SELECT ${values} FROM (${sql.join(rows, sql` UNION ALL `)}) v
      ${whileUnconfirmedAndEmpty(tdb, orderId, sql`${oc.orderTotal}`)}`,
  );
}

/** The plain inserts of a just-inserted order, in the shape of the shop's line. */
async function insertLinesAndTotals(
  tdb: TenantDb,
  rows: MarketplaceOrderRows,
  orderId: number,
  afterStep: (step: OrderWriteStep) => void | Promise<void>,
) {
  if (rows.version === '3.0') {
    await tdb.db.insert(tdb.oc.orderProduct).values(rows.lines.map((line) => ({ ...line, orderId })));
    await afterStep('lines_written');
    await tdb.db.insert(tdb.oc.orderTotal).values(rows.totals.map((total) => ({ ...total, orderId })));
    await afterStep('totals_written');
    return;
  }
  const oc4 = openCart4Tables(tdb.tenant.prefix);
  const productIds = [...new Set(rows.lines.map((line) => line.productId))];
  const masters = await tdb.db
    .select({ productId: oc4.product.productId, masterId: oc4.product.masterId })
    .from(oc4.product)
    .where(inArray(oc4.product.productId, productIds));
  const masterOf = new Map(masters.map((m) => [m.productId, m.masterId]));
  await tdb.db
    .insert(oc4.orderProduct)
    .values(rows.lines.map((line) => ({ ...line, orderId, masterId: masterOf.get(line.productId) ?? 0 })));
  await afterStep('lines_written');
  await tdb.db
    .insert(oc4.orderTotal)
    .values(rows.totals.map((total) => ({ ...total, orderId, extension: totalExtension(total.code) })));
  await afterStep('totals_written');
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
    const { rows } = input;
    const [inserted] = rows.version === '4.0'
      ? await tdb.db.insert(openCart4Tables(tdb.tenant.prefix).order).values(rows.order).$returningId()
      : await tdb.db.insert(tdb.oc.order).values(rows.order).$returningId();
    if (!inserted) throw new Error('OpenCart did not return the id of the inserted order');
    orderId = inserted.orderId;
    await afterStep('order_inserted');
  }
  if (!found) {
    // Inserted by this call a moment ago, under the order lock: no other writer knows the id yet, so
    // plain INSERTs do (each still one statement), and cost a fraction of the guarded INSERT … SELECT.
    await insertLinesAndTotals(tdb, input.rows, orderId, afterStep);
  } else if (found.orderStatusId === 0) {
    await writeLinesIfAbsent(tdb, orderId, input.rows.lines, input.rows.version);
    await afterStep('lines_written');
    await writeTotalsIfAbsent(tdb, orderId, input.rows.totals, input.rows.version);
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
      opencartVersion: input.rows.version,
    },
    { afterStatusUpdate: () => afterStep('status_updated') },
  );
  return orderId;
}
