/**
 * The demo's rows in OpenCart 4.0's shapes. The demo draws every row in 3.0's shape, so both lines get the
 * same history from the same seed, and a 4.0 shop gets it converted here, as 4.0.2.3's own account and
 * checkout code would have written it.
 */
import type { OpenCart4Tables, OpenCartTables } from '@/lib/db/opencart';
import { toOpenCart4Order } from '@/lib/orders/build-marketplace-order';
import type { BuiltOrder } from './order-builder';

export type Customer4Row = OpenCart4Tables['customer']['$inferInsert'];
export type Address4Row = OpenCart4Tables['address']['$inferInsert'];
export type Order4Rows = {
  order: OpenCart4Tables['order']['$inferInsert'];
  products: Array<OpenCart4Tables['orderProduct']['$inferInsert']>;
  totals: Array<OpenCart4Tables['orderTotal']['$inferInsert']>;
};

/** The extension 4.0 records as the owner of its own totals (sub_total, shipping, tax, total). */
const CORE_TOTALS_EXTENSION = 'opencart';

/** 4.0 has no salt, fax, cart or wishlist, and marks the default address on the address (address.default). */
export function toOpenCart4Customer(row: OpenCartTables['customer']['$inferInsert'], passwordHash: string): Customer4Row {
  const { fax: _fax, salt: _salt, cart: _cart, wishlist: _wishlist, addressId: _addressId, ...shared } = row;
  return { ...shared, password: passwordHash };
}

/** Each demo customer has one address, their default. */
export function toOpenCart4Address(row: OpenCartTables['address']['$inferInsert']): Address4Row {
  return { ...row, default: 1 };
}

/**
 * 4.0 names a payment method by extension and option (`cod.cod` where 3.0 had `cod`); flat shipping is
 * `flat.flat` on both lines.
 */
function openCart4MethodCode(code: string): string {
  return code.includes('.') ? code : `${code}.${code}`;
}

/**
 * A built order in 4.0's shape: methods as JSON, the language's code, the buyer's address-book id on a
 * registered customer's order (0 for a guest), the variant's master on each line and the owning
 * extension on each total. The status history keeps 3.0's shape, which 4.0 did not change.
 */
export function toOpenCart4OrderRows(built: BuiltOrder, languageCode: string, masterIds: ReadonlyMap<number, number>): Order4Rows {
  const { orderId, paymentCode, ...rest } = built.order;
  const order = {
    orderId,
    ...toOpenCart4Order({ ...rest, paymentCode: openCart4MethodCode(paymentCode) }, languageCode),
    paymentAddressId: built.addressId,
    shippingAddressId: built.addressId,
  };
  return {
    order,
    products: built.products.map((line) => ({ ...line, masterId: masterIds.get(line.productId) ?? 0 })),
    totals: built.totals.map((total) => ({ ...total, extension: CORE_TOTALS_EXTENSION })),
  };
}
