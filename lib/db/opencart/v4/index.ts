import { date, datetime, index, int, mysqlTable, primaryKey, text, tinyint, varchar } from 'drizzle-orm/mysql-core';
import { categoryColumns, categoryToStoreColumns, manufacturerColumns, productColumns, productDiscountColumns, productSpecialColumns, seoUrlColumns } from '../v3/catalog';
import { addressColumns, customerColumns, customerIpColumns, customerSearchColumns } from '../v3/customers';
import { orderColumns, orderProductColumns, orderTotalColumns, returnColumns } from '../v3/orders';
import { countryColumns, currencyColumns, languageColumns, settingColumns, storeColumns } from '../v3/settings';
import { userColumns } from '../v3/users';
import { reshape } from './reshape';

// 4.0 declares its dates without the zero-date defaults of 3.0.
const dateWithoutDefault = (name: string) => date(name, { mode: 'string' }).notNull();
const requiredImage = () => varchar('image', { length: 255 }).notNull();

function buildChangedTables(prefix: string) {
  const product = mysqlTable(`${prefix}product`, reshape(productColumns(), {
    drop: ['viewed'],
    change: { image: requiredImage(), dateAvailable: dateWithoutDefault('date_available') },
    addAfter: {
      // A variant's master product (0: not a variant); its stock moves with the variant's.
      productId: { masterId: int('master_id').notNull().default(0) },
      location: { variant: text('variant').notNull().default(''), override: text('override').notNull().default('') },
      minimum: { rating: int('rating').notNull() },
    },
  }));

  const datedPrice = { dateStart: dateWithoutDefault('date_start'), dateEnd: dateWithoutDefault('date_end') };
  const productSpecial = mysqlTable(`${prefix}product_special`, reshape(productSpecialColumns(), { change: datedPrice }), (t) => [
    index('product_id').on(t.productId),
  ]);
  const productDiscount = mysqlTable(`${prefix}product_discount`, reshape(productDiscountColumns(), { change: datedPrice }), (t) => [
    index('product_id').on(t.productId),
  ]);

  const category = mysqlTable(`${prefix}category`, reshape(categoryColumns(), { change: { image: requiredImage() } }), (t) => [
    index('parent_id').on(t.parentId),
  ]);
  const categoryToStore = mysqlTable(`${prefix}category_to_store`, reshape(categoryToStoreColumns(), {
    change: { storeId: int('store_id').notNull().default(0) },
  }), (t) => [primaryKey({ columns: [t.categoryId, t.storeId] })]);
  const manufacturer = mysqlTable(`${prefix}manufacturer`, reshape(manufacturerColumns(), { change: { image: requiredImage() } }));

  // 4.0 keys SEO URLs by key=value (`product_id`, `42`) instead of one `query` string.
  const seoUrl = mysqlTable(`${prefix}seo_url`, reshape(seoUrlColumns(), {
    drop: ['query'],
    change: { keyword: varchar('keyword', { length: 768 }).notNull() },
    addAfter: {
      languageId: { key: varchar('key', { length: 64 }).notNull(), value: varchar('value', { length: 255 }).notNull() },
      keyword: { sortOrder: int('sort_order').notNull() },
    },
  }), (t) => [index('keyword').on(t.keyword), index('query').on(t.key, t.value)]);

  const order = mysqlTable(`${prefix}order`, reshape(orderColumns(), {
    drop: ['fax', 'paymentCode', 'shippingCode'],
    change: {
      // JSON of the chosen method, {"name": …, "code": …}: the code columns of 3.0 are gone.
      paymentMethod: text('payment_method').notNull(),
      shippingCompany: varchar('shipping_company', { length: 60 }).notNull(),
      shippingMethod: text('shipping_method').notNull(),
    },
    addAfter: {
      orderId: { subscriptionId: int('subscription_id').notNull() },
      invoicePrefix: { transactionId: varchar('transaction_id', { length: 100 }).notNull() },
      customField: { paymentAddressId: int('payment_address_id').notNull() },
      paymentMethod: { shippingAddressId: int('shipping_address_id').notNull() },
      languageId: { languageCode: varchar('language_code', { length: 5 }).notNull() },
    },
  }));
  const orderProduct = mysqlTable(`${prefix}order_product`, reshape(orderProductColumns(), {
    addAfter: { productId: { masterId: int('master_id').notNull() } },
  }), (t) => [index('order_id').on(t.orderId)]);
  const orderTotal = mysqlTable(`${prefix}order_total`, reshape(orderTotalColumns(), {
    // The extension that owns the total's code, `opencart` for OpenCart's own totals.
    addAfter: { orderId: { extension: varchar('extension', { length: 255 }).notNull() } },
  }), (t) => [index('order_id').on(t.orderId)]);
  const returnTable = mysqlTable(`${prefix}return`, reshape(returnColumns(), {
    change: { comment: text('comment').notNull(), dateOrdered: dateWithoutDefault('date_ordered') },
  }));

  // 4.0 keeps only bcrypt-sized hashes and no salt (password_hash), and moves the default address to address.default.
  const customer = mysqlTable(`${prefix}customer`, reshape(customerColumns(), {
    drop: ['fax', 'salt', 'cart', 'wishlist', 'addressId'],
    change: { password: varchar('password', { length: 255 }).notNull() },
    move: { customField: 'password' },
  }));
  const address = mysqlTable(`${prefix}address`, reshape(addressColumns(), {
    change: { company: varchar('company', { length: 60 }).notNull() },
    addAfter: { customField: { default: tinyint('default').notNull() } },
  }), (t) => [index('customer_id').on(t.customerId)]);
  const customerIp = mysqlTable(`${prefix}customer_ip`, reshape(customerIpColumns(), {
    addAfter: { customerId: { storeId: int('store_id').notNull() }, ip: { country: varchar('country', { length: 2 }).notNull() } },
  }), (t) => [index('ip').on(t.ip)]);
  const customerSearch = mysqlTable(`${prefix}customer_search`, reshape(customerSearchColumns(), {
    change: { categoryId: int('category_id').notNull() },
  }));

  const store = mysqlTable(`${prefix}store`, reshape(storeColumns(), { drop: ['ssl'] }));
  const setting = mysqlTable(`${prefix}setting`, reshape(settingColumns(), {
    change: { serialized: tinyint('serialized').notNull().default(0) },
  }));
  const currency = mysqlTable(`${prefix}currency`, reshape(currencyColumns(), {
    change: { decimalPlace: int('decimal_place').notNull() },
  }));
  const language = mysqlTable(`${prefix}language`, reshape(languageColumns(), {
    drop: ['image', 'directory'],
    addAfter: { locale: { extension: varchar('extension', { length: 255 }).notNull() } },
  }), (t) => [index('name').on(t.name)]);
  const country = mysqlTable(`${prefix}country`, reshape(countryColumns(), {
    drop: ['addressFormat'],
    addAfter: { isoCode3: { addressFormatId: int('address_format_id').notNull() } },
  }));

  const user = mysqlTable(`${prefix}user`, reshape(userColumns(), {
    drop: ['salt'],
    change: {
      // password_hash(): bcrypt `$2y$`; 4.0 still accepts a 3.0 sha1 or md5 hash at login and rehashes it.
      password: varchar('password', { length: 255 }).notNull(),
      image: varchar('image', { length: 255 }).notNull().default(''),
      code: varchar('code', { length: 40 }).notNull().default(''),
      ip: varchar('ip', { length: 40 }).notNull().default(''),
    },
  }));

  return {
    product, productSpecial, productDiscount, category, categoryToStore, manufacturer, seoUrl,
    order, orderProduct, orderTotal, return: returnTable,
    customer, address, customerIp, customerSearch,
    store, setting, currency, language, country, user,
  };
}

/** Tables only 4.0 has. */
function buildNewTables(prefix: string) {
  // Address formats shared by countries (country.address_format_id); 3.0 kept the text on the country.
  const addressFormat = mysqlTable(`${prefix}address_format`, {
    addressFormatId: int('address_format_id').autoincrement().primaryKey(),
    name: varchar('name', { length: 128 }).notNull(),
    addressFormat: text('address_format').notNull(),
  });

  // A customer's export or removal request; status -1 denied, 0 unverified, 1 pending, 2 processing, 3 complete.
  const gdpr = mysqlTable(`${prefix}gdpr`, {
    gdprId: int('gdpr_id').autoincrement().primaryKey(),
    storeId: int('store_id').notNull(),
    languageId: int('language_id').notNull(),
    code: varchar('code', { length: 40 }).notNull(),
    email: varchar('email', { length: 96 }).notNull(),
    // `export` or `remove`.
    action: varchar('action', { length: 6 }).notNull(),
    status: tinyint('status').notNull(),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
  });
  return { addressFormat, gdpr };
}

/**
 * What OpenCart 4.0.2.x changed and added, column for column as 4.0.2.3's installer creates it: the changed
 * tables reshaped from 3.0's columns, oc_address_format and oc_gdpr. Every other mirrored table is 3.0's own (see ../index.ts).
 * 4.0 creates its tables InnoDB, utf8mb4, still without foreign keys.
 */
export function buildOpenCart4Changes(prefix: string) {
  return { ...buildChangedTables(prefix), ...buildNewTables(prefix) };
}
