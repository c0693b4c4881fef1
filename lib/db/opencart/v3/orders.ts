import { date, datetime, decimal, index, int, mysqlTable, primaryKey, text, tinyint, varchar } from 'drizzle-orm/mysql-core';

// Columns OpenCart 4.0 shares with 3.0 are defined once, here; v4/ reshapes these with its differences.
export const orderColumns = () => ({
  orderId: int('order_id').autoincrement().primaryKey(),
  invoiceNo: int('invoice_no').notNull().default(0),
  invoicePrefix: varchar('invoice_prefix', { length: 26 }).notNull(),
  storeId: int('store_id').notNull().default(0),
  storeName: varchar('store_name', { length: 64 }).notNull(),
  storeUrl: varchar('store_url', { length: 255 }).notNull(),
  customerId: int('customer_id').notNull().default(0),
  customerGroupId: int('customer_group_id').notNull().default(0),
  firstname: varchar('firstname', { length: 32 }).notNull(),
  lastname: varchar('lastname', { length: 32 }).notNull(),
  email: varchar('email', { length: 96 }).notNull(),
  telephone: varchar('telephone', { length: 32 }).notNull(),
  fax: varchar('fax', { length: 32 }).notNull(),
  customField: text('custom_field').notNull(),
  paymentFirstname: varchar('payment_firstname', { length: 32 }).notNull(),
  paymentLastname: varchar('payment_lastname', { length: 32 }).notNull(),
  paymentCompany: varchar('payment_company', { length: 60 }).notNull(),
  paymentAddress1: varchar('payment_address_1', { length: 128 }).notNull(),
  paymentAddress2: varchar('payment_address_2', { length: 128 }).notNull(),
  paymentCity: varchar('payment_city', { length: 128 }).notNull(),
  paymentPostcode: varchar('payment_postcode', { length: 10 }).notNull(),
  paymentCountry: varchar('payment_country', { length: 128 }).notNull(),
  paymentCountryId: int('payment_country_id').notNull(),
  paymentZone: varchar('payment_zone', { length: 128 }).notNull(),
  paymentZoneId: int('payment_zone_id').notNull(),
  paymentAddressFormat: text('payment_address_format').notNull(),
  paymentCustomField: text('payment_custom_field').notNull(),
  paymentMethod: varchar('payment_method', { length: 128 }).notNull(),
  paymentCode: varchar('payment_code', { length: 128 }).notNull(),
  shippingFirstname: varchar('shipping_firstname', { length: 32 }).notNull(),
  shippingLastname: varchar('shipping_lastname', { length: 32 }).notNull(),
  shippingCompany: varchar('shipping_company', { length: 40 }).notNull(),
  shippingAddress1: varchar('shipping_address_1', { length: 128 }).notNull(),
  shippingAddress2: varchar('shipping_address_2', { length: 128 }).notNull(),
  shippingCity: varchar('shipping_city', { length: 128 }).notNull(),
  shippingPostcode: varchar('shipping_postcode', { length: 10 }).notNull(),
  shippingCountry: varchar('shipping_country', { length: 128 }).notNull(),
  shippingCountryId: int('shipping_country_id').notNull(),
  shippingZone: varchar('shipping_zone', { length: 128 }).notNull(),
  shippingZoneId: int('shipping_zone_id').notNull(),
  shippingAddressFormat: text('shipping_address_format').notNull(),
  shippingCustomField: text('shipping_custom_field').notNull(),
  shippingMethod: varchar('shipping_method', { length: 128 }).notNull(),
  shippingCode: varchar('shipping_code', { length: 128 }).notNull(),
  comment: text('comment').notNull(),
  total: decimal('total', { precision: 15, scale: 4 }).notNull().default('0.0000'),
  // 0 is a missing order: checkout inserts it before payment confirms it; admin lists show > 0.
  orderStatusId: int('order_status_id').notNull().default(0),
  affiliateId: int('affiliate_id').notNull(),
  commission: decimal('commission', { precision: 15, scale: 4 }).notNull(),
  marketingId: int('marketing_id').notNull(),
  tracking: varchar('tracking', { length: 64 }).notNull(),
  languageId: int('language_id').notNull(),
  currencyId: int('currency_id').notNull(),
  currencyCode: varchar('currency_code', { length: 3 }).notNull(),
  currencyValue: decimal('currency_value', { precision: 15, scale: 8 }).notNull().default('1.00000000'),
  ip: varchar('ip', { length: 40 }).notNull(),
  forwardedIp: varchar('forwarded_ip', { length: 40 }).notNull(),
  userAgent: varchar('user_agent', { length: 255 }).notNull(),
  acceptLanguage: varchar('accept_language', { length: 255 }).notNull(),
  dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
  dateModified: datetime('date_modified', { mode: 'string' }).notNull(),
});

export const orderProductColumns = () => ({
  orderProductId: int('order_product_id').autoincrement().primaryKey(),
  orderId: int('order_id').notNull(),
  productId: int('product_id').notNull(),
  name: varchar('name', { length: 255 }).notNull(),
  model: varchar('model', { length: 64 }).notNull(),
  quantity: int('quantity').notNull(),
  price: decimal('price', { precision: 15, scale: 4 }).notNull().default('0.0000'),
  total: decimal('total', { precision: 15, scale: 4 }).notNull().default('0.0000'),
  tax: decimal('tax', { precision: 15, scale: 4 }).notNull().default('0.0000'),
  reward: int('reward').notNull(),
});

export const orderTotalColumns = () => ({
  orderTotalId: int('order_total_id').autoincrement().primaryKey(),
  orderId: int('order_id').notNull(),
  code: varchar('code', { length: 32 }).notNull(),
  title: varchar('title', { length: 255 }).notNull(),
  value: decimal('value', { precision: 15, scale: 4 }).notNull().default('0.0000'),
  sortOrder: int('sort_order').notNull(),
});

export const returnColumns = () => ({
  returnId: int('return_id').autoincrement().primaryKey(),
  orderId: int('order_id').notNull(),
  productId: int('product_id').notNull(),
  customerId: int('customer_id').notNull(),
  firstname: varchar('firstname', { length: 32 }).notNull(),
  lastname: varchar('lastname', { length: 32 }).notNull(),
  email: varchar('email', { length: 96 }).notNull(),
  telephone: varchar('telephone', { length: 32 }).notNull(),
  product: varchar('product', { length: 255 }).notNull(),
  model: varchar('model', { length: 64 }).notNull(),
  quantity: int('quantity').notNull(),
  opened: tinyint('opened').notNull(),
  returnReasonId: int('return_reason_id').notNull(),
  returnActionId: int('return_action_id').notNull(),
  returnStatusId: int('return_status_id').notNull(),
  comment: text('comment'),
  dateOrdered: date('date_ordered', { mode: 'string' }).notNull().default('0000-00-00'),
  dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
  dateModified: datetime('date_modified', { mode: 'string' }).notNull(),
});

export function buildOrdersTables(prefix: string) {
  const order = mysqlTable(`${prefix}order`, orderColumns());

  const orderProduct = mysqlTable(`${prefix}order_product`, orderProductColumns(), (t) => [
    index('order_id').on(t.orderId),
  ]);

  const orderOption = mysqlTable(`${prefix}order_option`, {
    orderOptionId: int('order_option_id').autoincrement().primaryKey(),
    orderId: int('order_id').notNull(),
    orderProductId: int('order_product_id').notNull(),
    productOptionId: int('product_option_id').notNull(),
    productOptionValueId: int('product_option_value_id').notNull().default(0),
    name: varchar('name', { length: 255 }).notNull(),
    value: text('value').notNull(),
    type: varchar('type', { length: 32 }).notNull(),
  });

  const orderTotal = mysqlTable(`${prefix}order_total`, orderTotalColumns(), (t) => [
    index('order_id').on(t.orderId),
  ]);

  const orderHistory = mysqlTable(`${prefix}order_history`, {
    orderHistoryId: int('order_history_id').autoincrement().primaryKey(),
    orderId: int('order_id').notNull(),
    orderStatusId: int('order_status_id').notNull(),
    notify: tinyint('notify').notNull().default(0),
    comment: text('comment').notNull(),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
  });

  // One row per (status, language); the auto_increment id is shared by a status's names.
  const orderStatus = mysqlTable(`${prefix}order_status`, {
    orderStatusId: int('order_status_id').autoincrement().notNull(),
    languageId: int('language_id').notNull(),
    name: varchar('name', { length: 32 }).notNull(),
  }, (t) => [
    primaryKey({ columns: [t.orderStatusId, t.languageId] }),
  ]);

  const returnTable = mysqlTable(`${prefix}return`, returnColumns());

  return { order, orderProduct, orderOption, orderTotal, orderHistory, orderStatus, return: returnTable };
}
