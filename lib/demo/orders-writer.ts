/**
 * Streams the order history day by day: draws each day's orders, builds their rows and writes them
 * `batchSize` orders per multi-row insert, so memory holds two batches whatever the period's size:
 * the one being written while the next is drawn. A batch writes its `order` rows first and the
 * child rows after: `--replace` finds children through their demo order, so a crash mid-batch
 * leaves nothing it cannot find.
 */
import type { Db } from '@/lib/db/pool';
import { insertRows } from './bulk-insert';
import { DAY_MS, formatDate, type DemoPeriod } from './calendar';
import type { DemoShop } from './demo-shop';
import { buildOrder, type Buyer, type BuiltOrder, type NextIds } from './order-builder';
import { customersRegisteredBy, demoCustomerAt, drawPerson, guestEmail, type CustomerPlan } from './people';
import type { createMenuBook } from './product-menu';
import { createWeightedPicker, rngFor, type Rng } from './prng';
import { demandFactor, drawDailyOrderCount, HOUR_WEIGHTS } from './seasonality';
import { toOpenCart4OrderRows } from './opencart4-rows';
import type { StoreContext } from './store-context';

/** Share of orders placed without an account (OpenCart's guest checkout). */
const GUEST_ORDER_SHARE = 0.12;
/** Older customers order more often: index = registered × u^this. */
const LOYALTY_SKEW = 1.4;
const HOUR_MS = 3_600_000;

export type OrderStreamCounts = {
  orders: number;
  orderProducts: number;
  orderTotals: number;
  orderHistories: number;
  /** Units of orders whose last status holds stock, by product id. */
  soldUnits: Map<number, number>;
};

const pickHour = createWeightedPicker(HOUR_WEIGHTS);

/** The day's order times, ascending, none after `endMs`. */
function drawOrderTimes(rng: Rng, dayStartMs: number, count: number, endMs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    let at = dayStartMs + pickHour(rng) * HOUR_MS + Math.floor(rng.next() * 3600) * 1000;
    if (at > endMs) at = dayStartMs + Math.floor((rng.next() * (endMs - dayStartMs)) / 1000) * 1000;
    times.push(at);
  }
  return times.sort((a, b) => a - b);
}

function drawBuyer(rng: Rng, ctx: StoreContext, plan: CustomerPlan, atMs: number, orderId: number): Buyer {
  const registered = customersRegisteredBy(plan, atMs);
  if (registered === 0 || rng.chance(GUEST_ORDER_SHARE)) {
    const guest = drawPerson(rng, ctx.region);
    return { ...guest, customerId: 0, addressId: 0, customerGroupId: ctx.customerGroupId, email: guestEmail(guest, orderId) };
  }
  const customer = demoCustomerAt(plan, Math.floor(registered * rng.next() ** LOYALTY_SKEW));
  return { ...customer, customerGroupId: ctx.customerGroupId };
}

/** Writes a batch's `order` rows, then their lines, totals and histories, in the shop's own shapes. */
function orderBatchWriter(db: Db, shop: DemoShop, ctx: StoreContext) {
  const { oc } = shop;
  const masterIds = new Map(ctx.products.map((p) => [p.productId, p.masterId]));
  return async (rows: BuiltOrder[]) => {
    const history = rows.flatMap((o) => o.history);
    if (shop.version === '3.0') {
      await insertRows(db, oc.order, rows.map((o) => o.order));
      await Promise.all([
        insertRows(db, oc.orderProduct, rows.flatMap((o) => o.products)),
        insertRows(db, oc.orderTotal, rows.flatMap((o) => o.totals)),
        insertRows(db, oc.orderHistory, history),
      ]);
      return;
    }
    const { oc4 } = shop;
    const converted = rows.map((o) => toOpenCart4OrderRows(o, ctx.languageCode, masterIds));
    await insertRows(db, oc4.order, converted.map((o) => o.order));
    await Promise.all([
      insertRows(db, oc4.orderProduct, converted.flatMap((o) => o.products)),
      insertRows(db, oc4.orderTotal, converted.flatMap((o) => o.totals)),
      // 4.0 kept 3.0's order_history.
      insertRows(db, oc.orderHistory, history),
    ]);
  };
}

export async function writeDemoOrders(args: {
  db: Db;
  shop: DemoShop;
  ctx: StoreContext;
  seed: number;
  period: DemoPeriod;
  plan: CustomerPlan;
  menus: ReturnType<typeof createMenuBook>;
  firstOrderId: number;
  ids: NextIds;
  batchSize: number;
  onBatch: (written: number, throughDay: string) => void;
}): Promise<OrderStreamCounts> {
  const { ctx, period, plan } = args;
  const writeBatch = orderBatchWriter(args.db, args.shop, ctx);
  const counts: OrderStreamCounts = { orders: 0, orderProducts: 0, orderTotals: 0, orderHistories: 0, soldUnits: new Map() };
  let batch: BuiltOrder[] = [];
  let nextOrderId = args.firstOrderId;
  let writing: Promise<void> = Promise.resolve();

  const write = async (rows: BuiltOrder[], written: number, throughDay: string) => {
    await writeBatch(rows);
    args.onBatch(written, throughDay);
  };
  // One batch is written while the next is drawn; batches still land in order.
  const flush = async (throughDay: string) => {
    await writing;
    if (batch.length === 0) return;
    writing = write(batch, counts.orders, throughDay);
    // A failed write is thrown by the next `await writing`; this handler only keeps Node from
    // reporting it as unhandled while the next batch is drawn.
    writing.catch(() => undefined);
    batch = [];
  };

  for (let day = 0; day < period.days; day += 1) {
    const dayStartMs = period.startMs + day * DAY_MS;
    const rng = rngFor(args.seed, 'orders-on-day', day);
    const dayFraction = Math.min(1, (period.endMs - dayStartMs) / DAY_MS);
    const factor = demandFactor(dayStartMs, period.days > 1 ? day / (period.days - 1) : 1);
    const count = drawDailyOrderCount(rng, plan.count, factor, dayFraction);

    for (const placedAtMs of drawOrderTimes(rng, dayStartMs, count, period.endMs)) {
      const orderId = nextOrderId++;
      const buyer = drawBuyer(rng, ctx, plan, placedAtMs, orderId);
      const menu = args.menus.menuFor(dayStartMs, buyer.customerGroupId);
      const built = buildOrder({ ctx, rng, orderId, placedAtMs, nowMs: period.endMs, buyer, menu, ids: args.ids });
      counts.orders += 1;
      counts.orderProducts += built.products.length;
      counts.orderTotals += built.totals.length;
      counts.orderHistories += built.history.length;
      if (ctx.stockHoldingStatusIds.has(built.finalStatusId)) {
        for (const [productId, units] of built.units) {
          counts.soldUnits.set(productId, (counts.soldUnits.get(productId) ?? 0) + units);
        }
      }
      batch.push(built);
      if (batch.length >= args.batchSize) await flush(formatDate(dayStartMs));
    }
  }
  await flush(formatDate(period.endMs));
  await writing;
  return counts;
}
