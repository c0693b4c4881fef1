import type { OpenCart4Tables, OpenCartTables } from '@/lib/db/opencart';
import type { CanonicalOrder } from '@/lib/webhooks/canonical-events';
import { formatMoneyUnits, type MoneyUnits } from '@/lib/shop/money';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import type { MatchedProduct } from '@/lib/product-links/resolve-skus';
import { toDefaultCurrency } from './currency';
import { toOpenCartText } from './opencart-text';
import type { OrderAddress } from './resolve-address';
import type { ShopCurrency, ShopOrderContext } from './shop-order-context';
import { toShopDateTime } from './shop-clock';

/** Every column but the id: many of oc_order's NOT NULL columns have no default under strict mode. */
export type OrderInsert = Required<Omit<OpenCartTables['order']['$inferInsert'], 'orderId'>>;
export type OrderLineRow = {
  productId: number;
  name: string;
  model: string;
  quantity: number;
  price: string;
  total: string;
  tax: string;
  reward: number;
};
export type OrderTotalRow = { code: string; title: string; value: string; sortOrder: number };

/** The same for OpenCart 4.0's oc_order. */
export type Order4Insert = Required<Omit<OpenCart4Tables['order']['$inferInsert'], 'orderId'>>;

/** The rows in the shape of the shop's line: 4.0's order keeps its methods as JSON and has no fax. */
export type MarketplaceOrderRows = { lines: OrderLineRow[]; totals: OrderTotalRow[] } & (
  | { version: '3.0'; order: OrderInsert }
  | { version: '4.0'; order: Order4Insert }
);

/** PHP's json_encode: non-ASCII as \uXXXX (UTF-16 units) and `/` as `\/`, as OpenCart writes JSON columns. */
export function phpJsonEncode(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('/', '\\/');
}

/**
 * A 3.0 order row in 4.0's shape, as 4.0.2.x's checkout writes one: payment and shipping method as the
 * JSON of the chosen method ({"name", "code"}) where 3.0 had name and code columns; no fax; no
 * subscription, transaction or address-book ids for a guest order; the language's code beside its id.
 */
export function toOpenCart4Order(row: OrderInsert, languageCode: string): Order4Insert {
  const { fax: _fax, paymentCode, shippingCode, paymentMethod, shippingMethod, ...shared } = row;
  return {
    ...shared,
    subscriptionId: 0,
    transactionId: '',
    paymentAddressId: 0,
    shippingAddressId: 0,
    paymentMethod: phpJsonEncode({ name: paymentMethod, code: paymentCode }),
    shippingMethod: phpJsonEncode({ name: shippingMethod, code: shippingCode }),
    languageCode,
  };
}

/** Written as the order's user agent, so a shop's admin can tell these orders from web ones. */
export const MARKETPLACE_ORDER_USER_AGENT = 'MesChain Sync';
/** OpenCart's en-gb titles for the two totals every order has. */
const TOTAL_TITLES = { subTotal: 'Sub-Total', total: 'Total' } as const;
/** Between shipping (3) and tax (5) in OpenCart's default sort orders, where a coupon (4) would show. */
const ADJUSTMENT_SORT_OFFSET = 1;

export type BuildMarketplaceOrderInput = {
  ctx: ShopOrderContext;
  order: CanonicalOrder;
  /** The marketplace's name as the admin should read it, e.g. `Trendyol`. */
  channel: string;
  marketplace: MarketplaceName;
  /** `oc_order.custom_field`: the JSON marker a retry finds the order by. */
  marker: string;
  products: ReadonlyMap<string, MatchedProduct>;
  currency: ShopCurrency;
  payment: OrderAddress;
  shipping: OrderAddress;
  now: Date;
};

/**
 * One marketplace order as OpenCart's checkout writes it: the `order` row (a guest, customer_id 0,
 * with every NOT NULL column supplied), a line per marketplace line, and sub_total, shipping and
 * total rows. Money is converted to the shop's default currency, as OpenCart stores every order; the
 * marketplace's own figures are taken as they are (tax included: Turkish marketplaces sell gross), and
 * a difference between its total and lines + shipping (a marketplace discount) becomes its own row,
 * so the rows always add up to the total.
 */
export function buildMarketplaceOrder(input: BuildMarketplaceOrderInput): MarketplaceOrderRows {
  const { ctx, order, currency, payment, shipping } = input;
  const text = (value: string, max: number) => toOpenCartText(value, max, ctx.charset);
  const convert = (amount: string): MoneyUnits => toDefaultCurrency(amount, currency.value);

  let subTotal = 0n;
  const lines = order.lines.map((line): OrderLineRow => {
    const product = input.products.get(line.sku);
    if (!product) throw new Error(`No product was resolved for SKU ${line.sku}`);
    const lineTotal = convert(line.total);
    subTotal += lineTotal;
    return {
      productId: product.productId,
      name: text(line.name, 255),
      model: product.model,
      quantity: line.quantity,
      price: formatMoneyUnits(convert(line.unitPrice)),
      total: formatMoneyUnits(lineTotal),
      tax: '0.0000',
      reward: 0,
    };
  });

  const shippingTotal = convert(order.shippingTotal);
  const total = convert(order.total);
  const adjustment = total - subTotal - shippingTotal;
  const sort = ctx.totalSortOrders;
  const shippingMethod = text(`${input.channel} shipping`, 128);
  const totals: OrderTotalRow[] = [
    { code: 'sub_total', title: TOTAL_TITLES.subTotal, value: formatMoneyUnits(subTotal), sortOrder: sort.subTotal },
    { code: 'shipping', title: shippingMethod, value: formatMoneyUnits(shippingTotal), sortOrder: sort.shipping },
    ...(adjustment === 0n
      ? []
      : [{
          code: 'marketplace',
          title: text(`${input.channel} ${adjustment < 0n ? 'discount' : 'adjustment'}`, 255),
          value: formatMoneyUnits(adjustment),
          sortOrder: sort.shipping + ADJUSTMENT_SORT_OFFSET,
        }]),
    { code: 'total', title: TOTAL_TITLES.total, value: formatMoneyUnits(total), sortOrder: sort.total },
  ].sort((a, b) => a.sortOrder - b.sortOrder);

  const placedAt = toShopDateTime(new Date(order.placedAt), ctx.settings.timezone);
  const reference = order.orderNumber || order.externalOrderId;

  const row: OrderInsert = {
    invoiceNo: 0,
    invoicePrefix: ctx.invoicePrefix,
    storeId: ctx.settings.storeId,
    storeName: ctx.storeName,
    storeUrl: ctx.storeUrl,
    customerId: 0,
    customerGroupId: ctx.customerGroupId,
    firstname: text(order.customer.firstname, 32),
    lastname: text(order.customer.lastname, 32),
    email: text(order.customer.email, 96),
    telephone: text(order.customer.telephone, 32),
    fax: '',
    customField: input.marker,
    paymentFirstname: payment.firstname,
    paymentLastname: payment.lastname,
    paymentCompany: payment.company,
    paymentAddress1: payment.address1,
    paymentAddress2: payment.address2,
    paymentCity: payment.city,
    paymentPostcode: payment.postcode,
    paymentCountry: payment.country,
    paymentCountryId: payment.countryId,
    paymentZone: payment.zone,
    paymentZoneId: payment.zoneId,
    paymentAddressFormat: payment.addressFormat,
    paymentCustomField: '[]',
    paymentMethod: text(input.channel, 128),
    // No payment extension has this code, so OpenCart's admin shows no payment tab for the order.
    paymentCode: `meschain_${input.marketplace}`,
    shippingFirstname: shipping.firstname,
    shippingLastname: shipping.lastname,
    shippingCompany: shipping.company,
    shippingAddress1: shipping.address1,
    shippingAddress2: shipping.address2,
    shippingCity: shipping.city,
    shippingPostcode: shipping.postcode,
    shippingCountry: shipping.country,
    shippingCountryId: shipping.countryId,
    shippingZone: shipping.zone,
    shippingZoneId: shipping.zoneId,
    shippingAddressFormat: shipping.addressFormat,
    shippingCustomField: '[]',
    shippingMethod,
    shippingCode: `meschain.${input.marketplace}`,
    comment: text(`${input.channel} order ${reference}`, 255),
    total: formatMoneyUnits(total),
    // Checkout inserts every order as "missing" (0) first; addOrderHistory confirms it.
    orderStatusId: 0,
    affiliateId: 0,
    commission: '0.0000',
    marketingId: 0,
    tracking: '',
    languageId: ctx.settings.languageId,
    currencyId: currency.currencyId,
    currencyCode: currency.code,
    currencyValue: currency.value,
    ip: '',
    forwardedIp: '',
    userAgent: MARKETPLACE_ORDER_USER_AGENT,
    acceptLanguage: '',
    dateAdded: placedAt,
    dateModified: toShopDateTime(input.now, ctx.settings.timezone),
  };
  return ctx.opencartVersion === '4.0'
    ? { version: '4.0', order: toOpenCart4Order(row, ctx.settings.languageCode), lines, totals }
    : { version: '3.0', order: row, lines, totals };
}
