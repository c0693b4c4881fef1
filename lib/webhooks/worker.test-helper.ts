/** Shared set-up for the worker's tests: a shop with SKUs, an account, canonical events by hand. */
import { eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { openCartTables, type OpenCartVersion } from '@/lib/db/opencart';
import { marketplaceAccounts, tenants, webhookEvents } from '@/lib/db/schema';
import { orderMarker } from '@/lib/orders/write-opencart-order';
import { detectOpenCartVersion } from '@/lib/opencart-version/detect-opencart-version';
import { EVENT_PRIORITY, type CanonicalEvent, type CanonicalOrderStatus } from './canonical-events';
import { processDueEvents, type ProcessDueEventsInput, type ProcessDueEventsResult } from './worker';

/** The 3.0 mirror: its columns that both lines share work on a 4.0 shop too (see orderRowsOf for oc_order). */
export const oc = openCartTables('oc_');
/** Sample products 28..49 get the SKU `TY-<id>` and 1,000 in stock; 29 and 47 get subtract = 0. */
export const SKU_PRODUCTS = [28, 29, 30, 31, 32, 33, 34, 35, 36, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49] as const;
export const NO_SUBTRACT_PRODUCTS = [29, 47] as const;
export const skuOf = (productId: number) => `TY-${productId}`;
/** Events stamped in the past are due at once, whatever the clocks say. */
const RECEIVED_AT = new Date('2024-05-01T10:00:00Z');

/** `version`: the OpenCart line of the test database, detected from its tables. */
export type TestShop = { tenantId: number; accountId: number; version: OpenCartVersion };

export async function setUpShop(db: Db): Promise<TestShop> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, 'default'));
  if (!tenant) throw new Error('The test database has no default tenant');
  const { version } = await detectOpenCartVersion(db, 'oc_');
  if (!version) throw new Error('The test database holds neither OpenCart 3.0 nor 4.0');
  await db.update(oc.product).set({ sku: sql`CONCAT('TY-', product_id)`, quantity: 1000, subtract: 1 });
  await db.update(oc.product).set({ subtract: 0 }).where(inArray(oc.product.productId, [...NO_SUBTRACT_PRODUCTS]));
  const [account] = await db
    .insert(marketplaceAccounts)
    .values({ tenantId: tenant.id, marketplace: 'trendyol', name: 'Test store', authType: 'apikey', secretCiphertext: 'unused', skuMatch: 'sku' })
    .$returningId();
  return { tenantId: tenant.id, accountId: account!.id, version };
}

/**
 * The OpenCart orders made for a marketplace order (found by their marker), with the oc_order columns
 * both lines have: a whole-row select of the 3.0 table would name columns a 4.0 shop lacks.
 */
export function orderRowsOf(db: Db, shop: Pick<TestShop, 'accountId'>, externalOrderId: string, prefix = 'oc_') {
  const order = openCartTables(prefix).order;
  // 4.0 dropped these three (its payment_method and shipping_method hold the JSON of name and code).
  const { fax: _fax, paymentCode: _paymentCode, shippingCode: _shippingCode, ...columnsOfBothLines } = getTableColumns(order);
  return db.select(columnsOfBothLines).from(order).where(eq(order.customField, orderMarker(shop.accountId, externalOrderId)));
}

const openCart4MethodSchema = z.object({ name: z.string(), code: z.string() });

/** The payment method's name as the shop's line stores it: 3.0's plain column, 4.0's JSON `{"name", "code"}`. */
export function paymentMethodName(shop: Pick<TestShop, 'version'>, stored: string): string {
  return shop.version === '3.0' ? stored : openCart4MethodSchema.parse(JSON.parse(stored)).name;
}

export type LineSpec = { productId?: number; sku?: string; quantity: number; unitPrice: string };

export function orderCreated(
  externalOrderId: string,
  lines: LineSpec[],
  options: {
    eventId?: string;
    status?: CanonicalOrderStatus;
    shippingTotal?: string;
    total?: string;
    currency?: string;
    customer?: { firstname: string; lastname: string; email: string; telephone?: string };
    address?: Partial<{ firstname: string; lastname: string; address1: string; address2: string; city: string; zone: string; countryCode: string; postcode: string }>;
  } = {},
): CanonicalEvent {
  const cents = (amount: string) => BigInt(Math.round(Number(amount) * 100));
  const shippingTotal = options.shippingTotal ?? '0';
  const lineTotals = lines.map((l) => cents(l.unitPrice) * BigInt(l.quantity));
  const sum = lineTotals.reduce((a, b) => a + b, cents(shippingTotal));
  const total = options.total ?? `${sum / 100n}.${String(sum % 100n).padStart(2, '0')}`;
  const address = {
    firstname: 'Ayşe',
    lastname: 'Yılmaz',
    company: '',
    address1: 'Bağdat Cad. No: 5',
    address2: '',
    city: 'Kadıköy',
    postcode: '34710',
    countryCode: 'TR',
    zone: 'İstanbul',
    ...options.address,
  };
  return {
    type: 'order.created',
    externalId: options.eventId ?? `order-${externalOrderId}`,
    occurredAt: '2024-05-01T09:00:00Z',
    order: {
      externalOrderId,
      orderNumber: `N${externalOrderId}`,
      status: options.status ?? 'created',
      marketplaceStatus: 'Created',
      currency: options.currency ?? 'USD',
      customer: { telephone: '05321234567', ...(options.customer ?? { firstname: 'Ayşe', lastname: 'Yılmaz', email: 'ayse@example.com' }) },
      shippingAddress: address,
      billingAddress: address,
      lines: lines.map((l, i) => ({
        externalLineId: `${externalOrderId}-${i}`,
        sku: l.sku ?? skuOf(l.productId!),
        name: `Line ${i + 1}`,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        total: (Number(l.unitPrice) * l.quantity).toFixed(2),
      })),
      shippingTotal,
      total,
      placedAt: '2024-05-01T09:00:00Z',
    },
  };
}

export function statusChanged(externalOrderId: string, status: CanonicalOrderStatus, eventId?: string): CanonicalEvent {
  return {
    type: 'order.status_changed',
    externalId: eventId ?? `status-${externalOrderId}-${status}`,
    occurredAt: '2024-05-02T09:00:00Z',
    externalOrderId,
    status,
    marketplaceStatus: status[0]!.toUpperCase() + status.slice(1),
  };
}

const EVENT_INSERT_CHUNK = 500;

/** Stores events as the ingest would (pending, due now); returns their ids in order. */
export async function insertEvents(db: Db, shop: Pick<TestShop, 'tenantId' | 'accountId'>, events: CanonicalEvent[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < events.length; i += EVENT_INSERT_CHUNK) {
    const chunk = events.slice(i, i + EVENT_INSERT_CHUNK);
    await db.insert(webhookEvents).values(
      chunk.map((event) => ({
        tenantId: shop.tenantId,
        accountId: shop.accountId,
        deliveryId: 1,
        marketplace: 'trendyol' as const,
        type: event.type,
        externalId: event.externalId,
        priority: EVENT_PRIORITY[event.type],
        payload: event,
        receivedAt: RECEIVED_AT,
        nextAttemptAt: RECEIVED_AT,
      })),
    );
    const rows = await db
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(inArray(webhookEvents.externalId, chunk.map((e) => e.externalId)))
      .orderBy(webhookEvents.id);
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Runs batches until a batch claims nothing, as the CLI does. */
export async function drain(input: Omit<ProcessDueEventsInput, 'limit'> & { limit?: number }): Promise<ProcessDueEventsResult> {
  const totals = { claimed: 0, done: 0, failed: 0, dead: 0 };
  for (;;) {
    const batch = await processDueEvents({ limit: 50, ...input });
    totals.claimed += batch.claimed;
    totals.done += batch.done;
    totals.failed += batch.failed;
    totals.dead += batch.dead;
    if (batch.claimed === 0) return totals;
  }
}

export async function stockOf(db: Db, productIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await db
    .select({ productId: oc.product.productId, quantity: oc.product.quantity })
    .from(oc.product)
    .where(inArray(oc.product.productId, [...productIds]));
  return new Map(rows.map((r) => [r.productId, r.quantity]));
}

export async function eventRow(db: Db, id: number) {
  const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
  if (!row) throw new Error(`No event ${id}`);
  return row;
}

/** A clock far enough ahead that every backed-off event is due. */
export const FAR_FUTURE = new Date('2099-01-01T00:00:00Z');
