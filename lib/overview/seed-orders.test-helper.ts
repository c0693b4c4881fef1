import { openCart4Tables, type OpenCartVersion } from '@/lib/db/opencart';
import { toOpenCart4Order } from '@/lib/orders/build-marketplace-order';
import { openCartVersionOf } from '@/lib/opencart-version/shop-version';
import type { TenantDb } from '@/lib/tenants/tenant-db';

type OrderInsert = TenantDb['oc']['order']['$inferInsert'];
type ProductInsert = TenantDb['oc']['product']['$inferInsert'];

export type SeedOrderInput = Partial<OrderInsert> & Pick<OrderInsert, 'orderStatusId' | 'total' | 'dateAdded'>;

/**
 * Inserts one order with every NOT NULL column filled (tests run in strict sql_mode); returns its new id.
 * On an OpenCart 4.0 database the row takes 4.0's shape (JSON methods, no fax). The line is the shop's
 * own, detected from its tables, unless the caller names it.
 */
export async function seedOrder(tdb: TenantDb, input: SeedOrderInput, version?: OpenCartVersion): Promise<number> {
  const shopVersion = version ?? (await openCartVersionOf(tdb));
  const row: OrderInsert = {
    invoiceNo: 0,
    invoicePrefix: 'INV-2024-00',
    storeId: tdb.tenant.storeId,
    storeName: 'Your Store',
    storeUrl: 'http://localhost/',
    customerId: 0,
    customerGroupId: 1,
    firstname: 'Ada',
    lastname: 'Lovelace',
    email: 'ada@example.com',
    telephone: '000',
    fax: '',
    customField: '[]',
    paymentFirstname: 'Ada',
    paymentLastname: 'Lovelace',
    paymentCompany: '',
    paymentAddress1: '1 Test Street',
    paymentAddress2: '',
    paymentCity: 'London',
    paymentPostcode: 'N1',
    paymentCountry: 'United Kingdom',
    paymentCountryId: 222,
    paymentZone: 'Greater London',
    paymentZoneId: 3563,
    paymentAddressFormat: '',
    paymentCustomField: '[]',
    paymentMethod: 'Cash On Delivery',
    paymentCode: 'cod',
    shippingFirstname: 'Ada',
    shippingLastname: 'Lovelace',
    shippingCompany: '',
    shippingAddress1: '1 Test Street',
    shippingAddress2: '',
    shippingCity: 'London',
    shippingPostcode: 'N1',
    shippingCountry: 'United Kingdom',
    shippingCountryId: 222,
    shippingZone: 'Greater London',
    shippingZoneId: 3563,
    shippingAddressFormat: '',
    shippingCustomField: '[]',
    shippingMethod: 'Flat Shipping Rate',
    shippingCode: 'flat.flat',
    comment: '',
    affiliateId: 0,
    commission: '0.0000',
    marketingId: 0,
    tracking: '',
    languageId: 1,
    currencyId: 2,
    currencyCode: 'USD',
    currencyValue: '1.00000000',
    ip: '127.0.0.1',
    forwardedIp: '',
    userAgent: 'vitest',
    acceptLanguage: 'en-GB',
    dateModified: input.dateAdded,
    ...input,
  };
  const [inserted] =
    shopVersion === '4.0'
      ? await tdb.db.insert(openCart4Tables(tdb.tenant.prefix).order).values(toOpenCart4Order(row as Required<OrderInsert>, 'en-gb')).$returningId()
      : await tdb.db.insert(tdb.oc.order).values(row).$returningId();
  if (!inserted) throw new Error('order insert returned no id');
  return inserted.orderId;
}

export type SeedProductInput = {
  name: string;
  quantity: number;
  status?: number;
  model?: string;
  sku?: string;
  /** Stores the product is assigned to; defaults to the tenant's store. */
  storeIds?: number[];
  languageId?: number;
};

/** Inserts a product with its description and store links (in 4.0's shape on a 4.0 database); returns its new id. */
export async function seedProduct(tdb: TenantDb, input: SeedProductInput, version?: OpenCartVersion): Promise<number> {
  const shopVersion = version ?? (await openCartVersionOf(tdb));
  const row: ProductInsert = {
    model: input.model ?? `M-${input.name}`,
    sku: input.sku ?? '',
    upc: '',
    ean: '',
    jan: '',
    isbn: '',
    mpn: '',
    location: '',
    quantity: input.quantity,
    stockStatusId: 7,
    manufacturerId: 0,
    taxClassId: 0,
    status: input.status ?? 1,
    dateAvailable: '2024-01-01',
    dateAdded: '2024-01-01 00:00:00',
    dateModified: '2024-01-01 00:00:00',
  };
  const { viewed: _viewed, ...shared } = row;
  const [inserted] =
    shopVersion === '4.0'
      ? await tdb.db.insert(openCart4Tables(tdb.tenant.prefix).product).values({ ...shared, dateAvailable: shared.dateAvailable ?? '2024-01-01', image: '', rating: 0 }).$returningId()
      : await tdb.db.insert(tdb.oc.product).values(row).$returningId();
  if (!inserted) throw new Error('product insert returned no id');
  const productId = inserted.productId;
  await tdb.db.insert(tdb.oc.productDescription).values({
    productId,
    languageId: input.languageId ?? 1,
    name: input.name,
    description: '',
    tag: '',
    metaTitle: input.name,
    metaDescription: '',
    metaKeyword: '',
  });
  const storeIds = input.storeIds ?? [tdb.tenant.storeId];
  if (storeIds.length > 0) {
    await tdb.db.insert(tdb.oc.productToStore).values(storeIds.map((storeId) => ({ productId, storeId })));
  }
  return productId;
}
