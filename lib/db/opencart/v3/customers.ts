import { datetime, decimal, index, int, mysqlTable, primaryKey, text, tinyint, varchar } from 'drizzle-orm/mysql-core';

// Columns OpenCart 4.0 shares with 3.0 are defined once, here; v4/ reshapes these with its differences.
export const customerColumns = () => ({
  customerId: int('customer_id').autoincrement().primaryKey(),
  customerGroupId: int('customer_group_id').notNull(),
  storeId: int('store_id').notNull().default(0),
  languageId: int('language_id').notNull(),
  firstname: varchar('firstname', { length: 32 }).notNull(),
  lastname: varchar('lastname', { length: 32 }).notNull(),
  email: varchar('email', { length: 96 }).notNull(),
  telephone: varchar('telephone', { length: 32 }).notNull(),
  fax: varchar('fax', { length: 32 }).notNull(),
  password: varchar('password', { length: 40 }).notNull(),
  salt: varchar('salt', { length: 9 }).notNull(),
  cart: text('cart'),
  wishlist: text('wishlist'),
  newsletter: tinyint('newsletter').notNull().default(0),
  // The default address; OpenCart 4 moves this to an address.default flag.
  addressId: int('address_id').notNull().default(0),
  customField: text('custom_field').notNull(),
  ip: varchar('ip', { length: 40 }).notNull(),
  status: tinyint('status').notNull(),
  // A safe customer's orders skip the fraud check when they are confirmed.
  safe: tinyint('safe').notNull(),
  token: text('token').notNull(),
  code: varchar('code', { length: 40 }).notNull(),
  dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
});

export const addressColumns = () => ({
  addressId: int('address_id').autoincrement().primaryKey(),
  customerId: int('customer_id').notNull(),
  firstname: varchar('firstname', { length: 32 }).notNull(),
  lastname: varchar('lastname', { length: 32 }).notNull(),
  company: varchar('company', { length: 40 }).notNull(),
  address1: varchar('address_1', { length: 128 }).notNull(),
  address2: varchar('address_2', { length: 128 }).notNull(),
  city: varchar('city', { length: 128 }).notNull(),
  postcode: varchar('postcode', { length: 10 }).notNull(),
  countryId: int('country_id').notNull().default(0),
  zoneId: int('zone_id').notNull().default(0),
  customField: text('custom_field').notNull(),
});

export const customerIpColumns = () => ({
  customerIpId: int('customer_ip_id').autoincrement().primaryKey(),
  customerId: int('customer_id').notNull(),
  ip: varchar('ip', { length: 40 }).notNull(),
  dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
});

export const customerSearchColumns = () => ({
  customerSearchId: int('customer_search_id').autoincrement().primaryKey(),
  storeId: int('store_id').notNull(),
  languageId: int('language_id').notNull(),
  customerId: int('customer_id').notNull(),
  keyword: varchar('keyword', { length: 255 }).notNull(),
  categoryId: int('category_id'),
  subCategory: tinyint('sub_category').notNull(),
  description: tinyint('description').notNull(),
  products: int('products').notNull(),
  ip: varchar('ip', { length: 40 }).notNull(),
  dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
});

export function buildCustomersTables(prefix: string) {
  const customer = mysqlTable(`${prefix}customer`, customerColumns());

  const customerGroup = mysqlTable(`${prefix}customer_group`, {
    customerGroupId: int('customer_group_id').autoincrement().primaryKey(),
    approval: int('approval').notNull(),
    sortOrder: int('sort_order').notNull(),
  });

  const customerGroupDescription = mysqlTable(`${prefix}customer_group_description`, {
    customerGroupId: int('customer_group_id').notNull(),
    languageId: int('language_id').notNull(),
    name: varchar('name', { length: 32 }).notNull(),
    description: text('description').notNull(),
  }, (t) => [
    primaryKey({ columns: [t.customerGroupId, t.languageId] }),
  ]);

  const address = mysqlTable(`${prefix}address`, addressColumns(), (t) => [
    index('customer_id').on(t.customerId),
  ]);

  const customerIp = mysqlTable(`${prefix}customer_ip`, customerIpColumns(), (t) => [
    index('ip').on(t.ip),
  ]);

  const customerActivity = mysqlTable(`${prefix}customer_activity`, {
    customerActivityId: int('customer_activity_id').autoincrement().primaryKey(),
    customerId: int('customer_id').notNull(),
    key: varchar('key', { length: 64 }).notNull(),
    data: text('data').notNull(),
    ip: varchar('ip', { length: 40 }).notNull(),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
  });

  const customerOnline = mysqlTable(`${prefix}customer_online`, {
    ip: varchar('ip', { length: 40 }).primaryKey(),
    customerId: int('customer_id').notNull(),
    url: text('url').notNull(),
    referer: text('referer').notNull(),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
  });

  const customerLogin = mysqlTable(`${prefix}customer_login`, {
    customerLoginId: int('customer_login_id').autoincrement().primaryKey(),
    email: varchar('email', { length: 96 }).notNull(),
    ip: varchar('ip', { length: 40 }).notNull(),
    total: int('total').notNull(),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
    dateModified: datetime('date_modified', { mode: 'string' }).notNull(),
  }, (t) => [
    index('email').on(t.email),
    index('ip').on(t.ip),
  ]);

  const customerApproval = mysqlTable(`${prefix}customer_approval`, {
    customerApprovalId: int('customer_approval_id').autoincrement().primaryKey(),
    customerId: int('customer_id').notNull(),
    type: varchar('type', { length: 9 }).notNull(),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
  });

  const customerWishlist = mysqlTable(`${prefix}customer_wishlist`, {
    customerId: int('customer_id').notNull(),
    productId: int('product_id').notNull(),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
  }, (t) => [
    primaryKey({ columns: [t.customerId, t.productId] }),
  ]);

  const customerTransaction = mysqlTable(`${prefix}customer_transaction`, {
    customerTransactionId: int('customer_transaction_id').autoincrement().primaryKey(),
    customerId: int('customer_id').notNull(),
    orderId: int('order_id').notNull(),
    description: text('description').notNull(),
    amount: decimal('amount', { precision: 15, scale: 4 }).notNull(),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
  });

  const customerReward = mysqlTable(`${prefix}customer_reward`, {
    customerRewardId: int('customer_reward_id').autoincrement().primaryKey(),
    customerId: int('customer_id').notNull().default(0),
    orderId: int('order_id').notNull().default(0),
    description: text('description').notNull(),
    points: int('points').notNull().default(0),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
  });

  const customerSearch = mysqlTable(`${prefix}customer_search`, customerSearchColumns());

  return {
    customer, customerGroup, customerGroupDescription, address, customerIp, customerActivity,
    customerOnline, customerLogin, customerApproval, customerWishlist, customerTransaction, customerReward,
    customerSearch,
  };
}
