/**
 * Deterministic demo history on top of an OpenCart catalogue: customers with addresses, months of
 * orders with totals and status histories, price changes the orders follow, and stock as OpenCart's
 * addOrderHistory would leave it. The same seed, arguments and `now` give the same rows, in the shapes of
 * the shop's own line (OpenCart 3.0 or 4.0): the same history on either.
 */
import { max } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import { z } from 'zod';
import type { OpenCartVersion } from '@/lib/db/opencart';
import type { Db } from '@/lib/db/pool';
import { demoPeriod, formatDateTime } from './calendar';
import { writeDemoCustomers } from './customers-writer';
import { openDemoShop, type DemoShopInput } from './demo-shop';
import { assertDemoMayWrite, countExistingRows, deleteDemoRows } from './demo-target';
import { writeDemoOrders } from './orders-writer';
import { countPriceChanges, planProductPrices, type PricePlan } from './price-plan';
import { createMenuBook } from './product-menu';
import { LOW_STOCK_THRESHOLD, planClosingStock, writeClosingStock, type StockMove } from './stock';
import { readStoreContext } from './store-context';

/** Rows per multi-row insert: customers, or orders (with their lines, totals and history). */
export const DEMO_BATCH_SIZE = 1000;
export const DEMO_DEFAULTS = { customers: 1000, months: 12, seed: 1, storeId: 0 } as const;

export const demoHistoryOptionsSchema = z.object({
  customers: z.number().int().min(1).max(1_000_000).default(DEMO_DEFAULTS.customers),
  months: z.number().int().min(1).max(120).default(DEMO_DEFAULTS.months),
  seed: z.number().int().min(0).max(0xffff_ffff).default(DEMO_DEFAULTS.seed),
  storeId: z.number().int().min(0).default(DEMO_DEFAULTS.storeId),
  replace: z.boolean().default(false),
  batchSize: z.number().int().min(1).max(10_000).default(DEMO_BATCH_SIZE),
});
export type DemoHistoryOptions = z.input<typeof demoHistoryOptionsSchema>;

export type DemoProgress =
  | { phase: 'replace' }
  | { phase: 'customers'; written: number; total: number }
  | { phase: 'orders'; written: number; throughDay: string }
  | { phase: 'stock'; products: number };

export type DemoHistoryResult = {
  /** The line whose shapes the rows were written in. */
  openCartVersion: OpenCartVersion;
  periodStart: string;
  periodEnd: string;
  customers: number;
  addresses: number;
  orders: number;
  orderProducts: number;
  orderTotals: number;
  orderHistories: number;
  priceChanges: number;
  /** Tracked products ending at LOW_STOCK_THRESHOLD units or fewer. */
  lowStockProducts: number;
  stock: StockMove[];
};

async function nextId(db: Db, table: MySqlTable, column: MySqlColumn): Promise<number> {
  const [row] = await db.select({ top: max(column) }).from(table);
  return Number(row?.top ?? 0) + 1;
}

export async function generateDemoHistory(
  input: DemoHistoryOptions & DemoShopInput & {
    db: Db;
    now?: Date;
    onProgress?: (progress: DemoProgress) => void;
  },
): Promise<DemoHistoryResult> {
  const { db, onProgress = () => undefined } = input;
  const options = demoHistoryOptionsSchema.parse(input);
  const period = demoPeriod(input.now ?? new Date(), options.months);

  const shop = await openDemoShop(db, input);
  const { oc } = shop;
  const ctx = await readStoreContext(db, shop, options.storeId);
  assertDemoMayWrite(await countExistingRows(db, oc), options.replace);
  if (options.replace) {
    onProgress({ phase: 'replace' });
    await deleteDemoRows(db, oc);
  }

  const plans = new Map<number, PricePlan>(
    ctx.products.map((p) => [p.productId, planProductPrices(options.seed, p, period)]),
  );
  const customerPlan = {
    seed: options.seed,
    count: options.customers,
    firstCustomerId: await nextId(db, oc.customer, oc.customer.customerId),
    firstAddressId: await nextId(db, oc.address, oc.address.addressId),
    startMs: period.startMs,
    endMs: period.endMs,
    region: ctx.region,
  };
  await writeDemoCustomers({
    db, shop, ctx, plan: customerPlan, batchSize: options.batchSize,
    onBatch: (written) => onProgress({ phase: 'customers', written, total: options.customers }),
  });

  const orders = await writeDemoOrders({
    db, shop, ctx, seed: options.seed, period, plan: customerPlan,
    menus: createMenuBook(ctx.products, plans),
    firstOrderId: await nextId(db, oc.order, oc.order.orderId),
    ids: {
      orderProductId: await nextId(db, oc.orderProduct, oc.orderProduct.orderProductId),
      orderTotalId: await nextId(db, oc.orderTotal, oc.orderTotal.orderTotalId),
      orderHistoryId: await nextId(db, oc.orderHistory, oc.orderHistory.orderHistoryId),
    },
    batchSize: options.batchSize,
    onBatch: (written, throughDay) => onProgress({ phase: 'orders', written, throughDay }),
  });

  const stock = planClosingStock({ seed: options.seed, products: ctx.products, soldUnits: orders.soldUnits, months: options.months });
  await writeClosingStock(db, oc, stock);
  onProgress({ phase: 'stock', products: stock.length });

  return {
    openCartVersion: shop.version,
    periodStart: formatDateTime(period.startMs),
    periodEnd: formatDateTime(period.endMs),
    customers: options.customers,
    addresses: options.customers,
    orders: orders.orders,
    orderProducts: orders.orderProducts,
    orderTotals: orders.orderTotals,
    orderHistories: orders.orderHistories,
    priceChanges: [...plans.values()].reduce((sum, plan) => sum + countPriceChanges(plan), 0),
    lowStockProducts: stock.filter((s) => s.closingQuantity <= LOW_STOCK_THRESHOLD).length,
    stock,
  };
}
