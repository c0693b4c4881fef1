/**
 * What may be in the database before the demo writes. OpenCart 3's tables are MyISAM, so a run
 * that dies halfway cannot roll back; instead every demo customer and order carries an e-mail at
 * DEMO_EMAIL_DOMAIN, and a rerun behaves as follows:
 * - a database holding customers or orders that are not the demo's is refused: the demo never mixes
 *   invented history into a shop's own;
 * - a database already holding demo rows (complete or half-written) is refused unless `replace` is
 *   set, which deletes those rows (children before parents, so a crash while deleting still leaves
 *   every remaining row findable) and generates again; the same seed then gives the same rows.
 * Product prices are never changed and closing stock is written last and set outright, so neither
 * needs undoing.
 */
import { count, inArray, like, notLike } from 'drizzle-orm';
import type { OpenCartTables } from '@/lib/db/opencart';
import type { Db } from '@/lib/db/pool';
import { DEMO_EMAIL_DOMAIN } from './people';

export class DemoTargetError extends Error {
  readonly code = 'DEMO_TARGET_NOT_EMPTY';
}

export type ExistingRows = { demoOrders: number; otherOrders: number; demoCustomers: number; otherCustomers: number };

const DEMO_EMAIL_PATTERN = `%@${DEMO_EMAIL_DOMAIN}`;

export async function countExistingRows(db: Db, oc: OpenCartTables): Promise<ExistingRows> {
  const one = async (query: Promise<Array<{ n: number }>>) => (await query)[0]?.n ?? 0;
  const [demoOrders, otherOrders, demoCustomers, otherCustomers] = await Promise.all([
    one(db.select({ n: count() }).from(oc.order).where(like(oc.order.email, DEMO_EMAIL_PATTERN))),
    one(db.select({ n: count() }).from(oc.order).where(notLike(oc.order.email, DEMO_EMAIL_PATTERN))),
    one(db.select({ n: count() }).from(oc.customer).where(like(oc.customer.email, DEMO_EMAIL_PATTERN))),
    one(db.select({ n: count() }).from(oc.customer).where(notLike(oc.customer.email, DEMO_EMAIL_PATTERN))),
  ]);
  return { demoOrders, otherOrders, demoCustomers, otherCustomers };
}

/** Throws a DemoTargetError when the rules above forbid writing. */
export function assertDemoMayWrite(existing: ExistingRows, replace: boolean): void {
  if (existing.otherOrders > 0 || existing.otherCustomers > 0) {
    throw new DemoTargetError(
      `The database holds ${existing.otherOrders} orders and ${existing.otherCustomers} customers that the demo did not write; ` +
        'the demo only runs on a shop without its own customers or orders.',
    );
  }
  if ((existing.demoOrders > 0 || existing.demoCustomers > 0) && !replace) {
    throw new DemoTargetError(
      `The database already holds demo history (${existing.demoOrders} orders, ${existing.demoCustomers} customers); ` +
        'pass --replace to delete it and generate again.',
    );
  }
}

export async function deleteDemoRows(db: Db, oc: OpenCartTables): Promise<void> {
  const demoOrderIds = db.select({ id: oc.order.orderId }).from(oc.order).where(like(oc.order.email, DEMO_EMAIL_PATTERN));
  await db.delete(oc.orderProduct).where(inArray(oc.orderProduct.orderId, demoOrderIds));
  await db.delete(oc.orderTotal).where(inArray(oc.orderTotal.orderId, demoOrderIds));
  await db.delete(oc.orderHistory).where(inArray(oc.orderHistory.orderId, demoOrderIds));
  await db.delete(oc.order).where(like(oc.order.email, DEMO_EMAIL_PATTERN));

  const demoCustomerIds = db
    .select({ id: oc.customer.customerId })
    .from(oc.customer)
    .where(like(oc.customer.email, DEMO_EMAIL_PATTERN));
  await db.delete(oc.address).where(inArray(oc.address.customerId, demoCustomerIds));
  await db.delete(oc.customer).where(like(oc.customer.email, DEMO_EMAIL_PATTERN));
}
