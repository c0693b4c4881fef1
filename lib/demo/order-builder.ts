/**
 * One order's rows as OpenCart's checkout writes them: `order`, its `order_product` lines (unit
 * price ex tax, line total, unit tax, reward points), its `order_total` rows (sub_total, shipping,
 * one tax row per rate, total, sorted by their extension's sort order) and its status history.
 */
import type { OpenCartTables } from '@/lib/db/opencart';
import { formatMoneyUnits, type MoneyUnits } from '@/lib/shop/money';
import { formatDateTime } from './calendar';
import { planStatusPath } from './order-status-path';
import type { DemoAddress } from './people';
import type { DailyMenu } from './product-menu';
import { createWeightedPicker, type Rng } from './prng';
import { ORDER_TOTAL_TITLES, type StoreContext } from './store-context';
import { taxOnUnit } from './tax';
import { ACCEPT_LANGUAGE, USER_AGENTS } from './turkish-names';

/** Every column: 4.0's row is made from it (see opencart4-rows.ts). */
export type OrderRow = Required<OpenCartTables['order']['$inferInsert']>;
export type OrderProductRow = OpenCartTables['orderProduct']['$inferInsert'];
export type OrderTotalRow = OpenCartTables['orderTotal']['$inferInsert'];
export type OrderHistoryRow = OpenCartTables['orderHistory']['$inferInsert'];

/** Chance of an order holding 1, 2, 3 or 4 different products. */
const LINES_PER_ORDER_WEIGHTS = [0.55, 0.27, 0.12, 0.06] as const;
/** Mean extra units per line at reference price; a cheaper product is bought in larger numbers. */
const EXTRA_UNITS_MEAN = 0.3;
const MAX_PRICE_EFFECT = 3;

export type Buyer = {
  customerId: number;
  /** The customer's address-book entry the order ships to; 0 for a guest. */
  addressId: number;
  customerGroupId: number;
  firstname: string;
  lastname: string;
  email: string;
  telephone: string;
  ip: string;
  address: DemoAddress;
};

export type NextIds = { orderProductId: number; orderTotalId: number; orderHistoryId: number };

export type BuiltOrder = {
  order: OrderRow;
  products: OrderProductRow[];
  totals: OrderTotalRow[];
  history: OrderHistoryRow[];
  /** The buyer's address-book id (0 for a guest), which 4.0 records on the order. */
  addressId: number;
  /** Units per product id, for stock: a variant's units count against its master too, as OpenCart 4 subtracts them. */
  units: Map<number, number>;
  finalStatusId: number;
};

const pickLineCountIndex = createWeightedPicker(LINES_PER_ORDER_WEIGHTS);

function drawLines(rng: Rng, menu: DailyMenu) {
  const wanted = Math.min(pickLineCountIndex(rng) + 1, menu.offers.length);
  const chosen = new Set<number>();
  // Bounded retries: a catalogue dominated by one product may yield fewer lines than drawn.
  for (let tries = 0; chosen.size < wanted && tries < wanted * 8; tries += 1) chosen.add(menu.pickIndex(rng));
  return [...chosen].map((i) => {
    const offer = menu.offers[i]!;
    return { offer, quantity: 1 + rng.poisson(EXTRA_UNITS_MEAN * Math.min(offer.priceEffect, MAX_PRICE_EFFECT)) };
  });
}

export function buildOrder(args: {
  ctx: StoreContext;
  rng: Rng;
  orderId: number;
  placedAtMs: number;
  nowMs: number;
  buyer: Buyer;
  menu: DailyMenu;
  ids: NextIds;
}): BuiltOrder {
  const { ctx, rng, orderId, buyer, ids } = args;
  const taxByRate = new Map<number, { title: string; amount: MoneyUnits }>();
  const addTax = (rateId: number, title: string, amount: MoneyUnits) => {
    const entry = taxByRate.get(rateId) ?? { title, amount: 0n };
    entry.amount += amount;
    taxByRate.set(rateId, entry);
  };

  const units = new Map<number, number>();
  let subTotal = 0n;
  const products: OrderProductRow[] = drawLines(rng, args.menu).map(({ offer, quantity }) => {
    const { product, unitPrice } = offer;
    const lineTotal = unitPrice * BigInt(quantity);
    let unitTax = 0n;
    for (const rate of ctx.tax.ratesFor(product.taxClassId, buyer.customerGroupId, buyer.address)) {
      const amount = taxOnUnit(rate, unitPrice);
      unitTax += amount;
      addTax(rate.taxRateId, rate.name, amount * BigInt(quantity));
    }
    subTotal += lineTotal;
    for (const id of [product.productId, product.masterId]) {
      if (id > 0) units.set(id, (units.get(id) ?? 0) + quantity);
    }
    return {
      orderProductId: ids.orderProductId++,
      orderId,
      productId: product.productId,
      name: product.name,
      model: product.model,
      quantity,
      price: formatMoneyUnits(unitPrice),
      total: formatMoneyUnits(lineTotal),
      tax: formatMoneyUnits(unitTax),
      reward: (product.rewardPoints.get(buyer.customerGroupId) ?? 0) * quantity,
    };
  });

  const shipping = ctx.shipping.cost;
  for (const rate of ctx.tax.ratesFor(ctx.shipping.taxClassId, buyer.customerGroupId, buyer.address)) {
    addTax(rate.taxRateId, rate.name, taxOnUnit(rate, shipping));
  }
  const taxRows = [...taxByRate.values()].filter((t) => t.amount > 0n);
  const total = subTotal + shipping + taxRows.reduce((sum, t) => sum + t.amount, 0n);
  const sort = ctx.totalSortOrders;
  const totals: OrderTotalRow[] = [
    { code: 'sub_total', title: ORDER_TOTAL_TITLES.subTotal, amount: subTotal, sortOrder: sort.subTotal },
    { code: 'shipping', title: ctx.shipping.title, amount: shipping, sortOrder: sort.shipping },
    ...taxRows.map((t) => ({ code: 'tax', title: t.title, amount: t.amount, sortOrder: sort.tax })),
    { code: 'total', title: ORDER_TOTAL_TITLES.total, amount: total, sortOrder: sort.total },
  ]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((t) => ({
      orderTotalId: ids.orderTotalId++,
      orderId,
      code: t.code,
      title: t.title,
      value: formatMoneyUnits(t.amount),
      sortOrder: t.sortOrder,
    }));

  const steps = planStatusPath(rng, args.placedAtMs, args.nowMs);
  const history: OrderHistoryRow[] = steps.map((step) => ({
    orderHistoryId: ids.orderHistoryId++,
    orderId,
    orderStatusId: step.orderStatusId,
    notify: step.notify ? 1 : 0,
    comment: step.comment,
    dateAdded: formatDateTime(step.atMs),
  }));
  const last = steps[steps.length - 1]!;

  const payment = rng.pick(ctx.paymentMethods);
  const a = buyer.address;
  const order: OrderRow = {
    orderId,
    invoiceNo: 0,
    invoicePrefix: ctx.invoicePrefix,
    storeId: ctx.storeId,
    storeName: ctx.storeName,
    storeUrl: ctx.storeUrl,
    customerId: buyer.customerId,
    customerGroupId: buyer.customerGroupId,
    firstname: buyer.firstname,
    lastname: buyer.lastname,
    email: buyer.email,
    telephone: buyer.telephone,
    fax: '',
    customField: '[]',
    paymentFirstname: buyer.firstname,
    paymentLastname: buyer.lastname,
    paymentCompany: '',
    paymentAddress1: a.address1,
    paymentAddress2: a.address2,
    paymentCity: a.city,
    paymentPostcode: a.postcode,
    paymentCountry: a.country,
    paymentCountryId: a.countryId,
    paymentZone: a.zone,
    paymentZoneId: a.zoneId,
    paymentAddressFormat: a.addressFormat,
    paymentCustomField: '[]',
    paymentMethod: payment.title,
    paymentCode: payment.code,
    shippingFirstname: buyer.firstname,
    shippingLastname: buyer.lastname,
    shippingCompany: '',
    shippingAddress1: a.address1,
    shippingAddress2: a.address2,
    shippingCity: a.city,
    shippingPostcode: a.postcode,
    shippingCountry: a.country,
    shippingCountryId: a.countryId,
    shippingZone: a.zone,
    shippingZoneId: a.zoneId,
    shippingAddressFormat: a.addressFormat,
    shippingCustomField: '[]',
    shippingMethod: ctx.shipping.title,
    shippingCode: ctx.shipping.code,
    comment: '',
    total: formatMoneyUnits(total),
    orderStatusId: last.orderStatusId,
    affiliateId: 0,
    commission: '0.0000',
    marketingId: 0,
    tracking: '',
    languageId: ctx.languageId,
    currencyId: ctx.currency.currencyId,
    currencyCode: ctx.currency.code,
    currencyValue: ctx.currency.value,
    ip: buyer.ip,
    forwardedIp: '',
    userAgent: rng.pick(USER_AGENTS),
    acceptLanguage: ACCEPT_LANGUAGE,
    dateAdded: formatDateTime(args.placedAtMs),
    dateModified: formatDateTime(last.atMs),
  };

  return { order, products, totals, history, addressId: buyer.addressId, units, finalStatusId: last.orderStatusId };
}
