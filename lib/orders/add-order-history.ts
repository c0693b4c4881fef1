import { desc, eq, sql, type SQL } from 'drizzle-orm';
import type { OpenCartTables, OpenCartVersion } from '@/lib/db/opencart';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { executeWrite } from './raw-sql';
import { retryOnDeadlock } from '@/lib/db/retry-on-deadlock';
import { openCartVersionOf } from '@/lib/opencart-version/shop-version';

export type AddOrderHistoryInput = {
  orderId: number;
  /** The status the caller saw: the change happens only if the order still has it (compare-and-set). */
  fromStatusId: number;
  toStatusId: number;
  /** Already in OpenCart's stored form (HTML-escaped). */
  comment: string;
  notify?: boolean;
  /** Shop wall-clock datetimes (`YYYY-MM-DD HH:MM:SS`). */
  dateAdded: string;
  dateModified: string;
  /** config_processing_status ∪ config_complete_status: the statuses that hold stock. */
  countedStatusIds: readonly number[];
  /** 4.0 also moves a variant's master product (order_product.master_id); detected from the shop when not given. */
  opencartVersion?: OpenCartVersion;
};

export type StockMove = 'subtracted' | 'restored' | 'none';

export type AddOrderHistoryResult =
  /** Status and stock changed in one statement, then the history row was added. */
  | { outcome: 'changed'; stock: StockMove }
  /** The order already had the status but not its history row (a crash between the two): row added. */
  | { outcome: 'completed' }
  /** The order already had the status and its history row: nothing written. */
  | { outcome: 'unchanged' }
  /** The order has neither status: someone else changed it meanwhile; nothing written. */
  | { outcome: 'conflict'; currentStatusId: number | null };

/** OpenCart's rule: stock leaves when an order enters processing ∪ complete and returns when it leaves. */
export function stockMoveFor(fromStatusId: number, toStatusId: number, counted: readonly number[]): StockMove {
  const wasCounted = counted.includes(fromStatusId);
  const isCounted = counted.includes(toStatusId);
  if (!wasCounted && isCounted) return 'subtracted';
  if (wasCounted && !isCounted) return 'restored';
  return 'none';
}

/**
 * The status change and the stock move as ONE statement, so that no crash can split them even on
 * MyISAM (a single statement is applied whole; there is nothing to roll back). The WHERE on the old
 * status is the compare-and-set: a repeated call matches no row and moves nothing. Lines are summed
 * per product (and per option value) first because a multi-table UPDATE changes each row once,
 * however many join rows lead to it. Lines whose product was deleted, and products or option values
 * with subtract = 0, join as NULL and are left alone, as in OpenCart's addOrderHistory. Portable to
 * MySQL 8: derived tables may be joined in a multi-table UPDATE as long as they are not its targets.
 */
/**
 * Units per product an order holds. In 4.0 a variant's line counts for its master product too, as 4.0's
 * addHistory moves both; summed into one row per product, since a product may be both.
 */
function unitsPerProduct(oc: OpenCartTables, orderId: number, version: OpenCartVersion): SQL {
  if (version === '3.0') {
    return sql`SELECT product_id, SUM(quantity) AS q FROM ${oc.orderProduct} WHERE order_id = ${orderId} GROUP BY product_id`;
  }
  return sql`SELECT product_id, SUM(q) AS q FROM (
      SELECT product_id, quantity AS q FROM ${oc.orderProduct} WHERE order_id = ${orderId}
      UNION ALL
      SELECT master_id, quantity FROM ${oc.orderProduct} WHERE order_id = ${orderId} AND master_id > 0
    ) units GROUP BY product_id`;
}

function statusAndStockStatement(oc: OpenCartTables, input: AddOrderHistoryInput & { opencartVersion: OpenCartVersion }, move: StockMove): SQL {
  const { orderId, fromStatusId, toStatusId, dateModified } = input;
  if (move === 'none') {
    return sql`UPDATE ${oc.order} SET order_status_id = ${toStatusId}, date_modified = ${dateModified}
      WHERE order_id = ${orderId} AND order_status_id = ${fromStatusId}`;
  }
  const sign = move === 'subtracted' ? -1 : 1;
  return sql`UPDATE ${oc.order} o
    LEFT JOIN (${unitsPerProduct(oc, orderId, input.opencartVersion)}) l ON TRUE
    LEFT JOIN ${oc.product} p ON p.product_id = l.product_id AND p.subtract = 1
    LEFT JOIN (
      SELECT oo.product_option_value_id, SUM(op.quantity) AS q
      FROM ${oc.orderOption} oo JOIN ${oc.orderProduct} op ON op.order_product_id = oo.order_product_id
      WHERE oo.order_id = ${orderId} GROUP BY oo.product_option_value_id
    ) lo ON TRUE
    LEFT JOIN ${oc.productOptionValue} pov ON pov.product_option_value_id = lo.product_option_value_id AND pov.subtract = 1
    SET p.quantity = p.quantity + ${sign} * l.q,
        pov.quantity = pov.quantity + ${sign} * lo.q,
        o.order_status_id = ${toStatusId},
        o.date_modified = ${dateModified}
    WHERE o.order_id = ${orderId} AND o.order_status_id = ${fromStatusId}`;
}

async function insertHistory(tdb: TenantDb, input: AddOrderHistoryInput) {
  await tdb.db.insert(tdb.oc.orderHistory).values({
    orderId: input.orderId,
    orderStatusId: input.toStatusId,
    notify: input.notify ? 1 : 0,
    comment: input.comment,
    dateAdded: input.dateAdded,
  });
}

/**
 * The order already has the target status: add its history row unless the latest one records it.
 * The latest row is the marker: every status we set is followed by its row, so a missing one can only
 * be a crash between the UPDATE and the INSERT (ours, or OpenCart's own addOrderHistory), and a second
 * call finds the row and writes nothing. oc_order_history has no index on order_id; scanning the
 * primary key backwards stops at the order's newest row, which is near the end for a recent order.
 */
async function completeHistory(tdb: TenantDb, input: AddOrderHistoryInput): Promise<AddOrderHistoryResult> {
  const { db, oc } = tdb;
  const [latest] = await db
    .select({ orderStatusId: oc.orderHistory.orderStatusId })
    .from(oc.orderHistory)
    .where(eq(oc.orderHistory.orderId, input.orderId))
    .orderBy(desc(oc.orderHistory.orderHistoryId))
    .limit(1);
  if (latest?.orderStatusId === input.toStatusId) return { outcome: 'unchanged' };
  await insertHistory(tdb, input);
  return { outcome: 'completed' };
}

/**
 * OpenCart's addOrderHistory (catalog/model/checkout/order.php in 3.0, addHistory in 4.0) for the part
 * that touches the database: stock, the order's status, and a history row. Fraud checks, order-total
 * confirm/unconfirm (coupons, vouchers, rewards), affiliate commission and e-mails are not reproduced;
 * marketplace orders carry none of them and the marketplace mails the buyer.
 *
 * Crash safety without transactions (MyISAM): step 1 is a single compare-and-set statement, step 2 an
 * INSERT that a retry adds only if the order's latest history row lacks it. A crash before step 1
 * leaves nothing; between 1 and 2, the retry finds the order at the target status and writes the
 * missing row (`completed`); after 2, it writes nothing (`unchanged`).
 */
export async function addOrderHistory(
  tdb: TenantDb,
  input: AddOrderHistoryInput,
  hooks: { afterStatusUpdate?: () => void | Promise<void> } = {},
): Promise<AddOrderHistoryResult> {
  const { db, oc } = tdb;
  if (input.fromStatusId !== input.toStatusId) {
    const move = stockMoveFor(input.fromStatusId, input.toStatusId, input.countedStatusIds);
    const opencartVersion = input.opencartVersion ?? (move === 'none' ? '3.0' : await openCartVersionOf(tdb));
    const statement = statusAndStockStatement(oc, { ...input, opencartVersion }, move);
    const changed = await retryOnDeadlock(() => executeWrite(db, statement));
    if (changed > 0) {
      await hooks.afterStatusUpdate?.();
      await insertHistory(tdb, input);
      return { outcome: 'changed', stock: move };
    }
  }
  const [order] = await db
    .select({ orderStatusId: oc.order.orderStatusId })
    .from(oc.order)
    .where(eq(oc.order.orderId, input.orderId));
  if (order?.orderStatusId !== input.toStatusId) return { outcome: 'conflict', currentStatusId: order?.orderStatusId ?? null };
  return completeHistory(tdb, input);
}
