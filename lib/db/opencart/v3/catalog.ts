import { date, datetime, decimal, index, int, mysqlTable, primaryKey, text, tinyint, varchar } from 'drizzle-orm/mysql-core';

// Columns OpenCart 4.0 shares with 3.0 are defined once, here; v4/ reshapes these with its differences.
export const productColumns = () => ({
  productId: int('product_id').autoincrement().primaryKey(),
  model: varchar('model', { length: 64 }).notNull(),
  sku: varchar('sku', { length: 64 }).notNull(),
  upc: varchar('upc', { length: 12 }).notNull(),
  ean: varchar('ean', { length: 14 }).notNull(),
  jan: varchar('jan', { length: 13 }).notNull(),
  isbn: varchar('isbn', { length: 17 }).notNull(),
  mpn: varchar('mpn', { length: 64 }).notNull(),
  location: varchar('location', { length: 128 }).notNull(),
  // Signed, and OpenCart subtracts stock without clamping: it may go negative.
  quantity: int('quantity').notNull().default(0),
  // The status shown when quantity is 0 or less.
  stockStatusId: int('stock_status_id').notNull(),
  image: varchar('image', { length: 255 }),
  manufacturerId: int('manufacturer_id').notNull(),
  shipping: tinyint('shipping').notNull().default(1),
  price: decimal('price', { precision: 15, scale: 4 }).notNull().default('0.0000'),
  points: int('points').notNull().default(0),
  taxClassId: int('tax_class_id').notNull(),
  dateAvailable: date('date_available', { mode: 'string' }).notNull().default('0000-00-00'),
  weight: decimal('weight', { precision: 15, scale: 8 }).notNull().default('0.00000000'),
  weightClassId: int('weight_class_id').notNull().default(0),
  length: decimal('length', { precision: 15, scale: 8 }).notNull().default('0.00000000'),
  width: decimal('width', { precision: 15, scale: 8 }).notNull().default('0.00000000'),
  height: decimal('height', { precision: 15, scale: 8 }).notNull().default('0.00000000'),
  lengthClassId: int('length_class_id').notNull().default(0),
  // Stock moves only for products with subtract = 1, in OpenCart's addOrderHistory.
  subtract: tinyint('subtract').notNull().default(1),
  minimum: int('minimum').notNull().default(1),
  sortOrder: int('sort_order').notNull().default(0),
  status: tinyint('status').notNull().default(0),
  viewed: int('viewed').notNull().default(0),
  dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
  dateModified: datetime('date_modified', { mode: 'string' }).notNull(),
});

export const productSpecialColumns = () => ({
  productSpecialId: int('product_special_id').autoincrement().primaryKey(),
  productId: int('product_id').notNull(),
  customerGroupId: int('customer_group_id').notNull(),
  priority: int('priority').notNull().default(1),
  price: decimal('price', { precision: 15, scale: 4 }).notNull().default('0.0000'),
  dateStart: date('date_start', { mode: 'string' }).notNull().default('0000-00-00'),
  dateEnd: date('date_end', { mode: 'string' }).notNull().default('0000-00-00'),
});

export const productDiscountColumns = () => ({
  productDiscountId: int('product_discount_id').autoincrement().primaryKey(),
  productId: int('product_id').notNull(),
  customerGroupId: int('customer_group_id').notNull(),
  quantity: int('quantity').notNull().default(0),
  priority: int('priority').notNull().default(1),
  price: decimal('price', { precision: 15, scale: 4 }).notNull().default('0.0000'),
  dateStart: date('date_start', { mode: 'string' }).notNull().default('0000-00-00'),
  dateEnd: date('date_end', { mode: 'string' }).notNull().default('0000-00-00'),
});

export const categoryColumns = () => ({
  categoryId: int('category_id').autoincrement().primaryKey(),
  image: varchar('image', { length: 255 }),
  parentId: int('parent_id').notNull().default(0),
  top: tinyint('top').notNull(),
  column: int('column').notNull(),
  sortOrder: int('sort_order').notNull().default(0),
  status: tinyint('status').notNull(),
  dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
  dateModified: datetime('date_modified', { mode: 'string' }).notNull(),
});

export const categoryToStoreColumns = () => ({
  categoryId: int('category_id').notNull(),
  storeId: int('store_id').notNull(),
});

export const manufacturerColumns = () => ({
  manufacturerId: int('manufacturer_id').autoincrement().primaryKey(),
  name: varchar('name', { length: 64 }).notNull(),
  image: varchar('image', { length: 255 }),
  sortOrder: int('sort_order').notNull(),
});

export const seoUrlColumns = () => ({
  seoUrlId: int('seo_url_id').autoincrement().primaryKey(),
  storeId: int('store_id').notNull(),
  languageId: int('language_id').notNull(),
  query: varchar('query', { length: 255 }).notNull(),
  keyword: varchar('keyword', { length: 255 }).notNull(),
});

export function buildCatalogTables(prefix: string) {
  const product = mysqlTable(`${prefix}product`, productColumns());

  const productDescription = mysqlTable(`${prefix}product_description`, {
    productId: int('product_id').notNull(),
    languageId: int('language_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description').notNull(),
    tag: text('tag').notNull(),
    metaTitle: varchar('meta_title', { length: 255 }).notNull(),
    metaDescription: varchar('meta_description', { length: 255 }).notNull(),
    metaKeyword: varchar('meta_keyword', { length: 255 }).notNull(),
  }, (t) => [
    primaryKey({ columns: [t.productId, t.languageId] }),
    index('name').on(t.name),
  ]);

  // In product_special and product_discount a date_start/date_end of '0000-00-00' means no limit.
  const productSpecial = mysqlTable(`${prefix}product_special`, productSpecialColumns(), (t) => [
    index('product_id').on(t.productId),
  ]);

  const productDiscount = mysqlTable(`${prefix}product_discount`, productDiscountColumns(), (t) => [
    index('product_id').on(t.productId),
  ]);

  // Reward points a customer group earns per unit bought (product.points is what a unit costs in points).
  const productReward = mysqlTable(`${prefix}product_reward`, {
    productRewardId: int('product_reward_id').autoincrement().primaryKey(),
    productId: int('product_id').notNull().default(0),
    customerGroupId: int('customer_group_id').notNull().default(0),
    points: int('points').notNull().default(0),
  });

  const productToStore = mysqlTable(`${prefix}product_to_store`, {
    productId: int('product_id').notNull(),
    storeId: int('store_id').notNull().default(0),
  }, (t) => [
    primaryKey({ columns: [t.productId, t.storeId] }),
  ]);

  const productToCategory = mysqlTable(`${prefix}product_to_category`, {
    productId: int('product_id').notNull(),
    categoryId: int('category_id').notNull(),
  }, (t) => [
    primaryKey({ columns: [t.productId, t.categoryId] }),
    index('category_id').on(t.categoryId),
  ]);

  const productOptionValue = mysqlTable(`${prefix}product_option_value`, {
    productOptionValueId: int('product_option_value_id').autoincrement().primaryKey(),
    productOptionId: int('product_option_id').notNull(),
    productId: int('product_id').notNull(),
    optionId: int('option_id').notNull(),
    optionValueId: int('option_value_id').notNull(),
    quantity: int('quantity').notNull(),
    subtract: tinyint('subtract').notNull(),
    price: decimal('price', { precision: 15, scale: 4 }).notNull(),
    pricePrefix: varchar('price_prefix', { length: 1 }).notNull(),
    points: int('points').notNull(),
    pointsPrefix: varchar('points_prefix', { length: 1 }).notNull(),
    weight: decimal('weight', { precision: 15, scale: 8 }).notNull(),
    weightPrefix: varchar('weight_prefix', { length: 1 }).notNull(),
  });

  const category = mysqlTable(`${prefix}category`, categoryColumns(), (t) => [
    index('parent_id').on(t.parentId),
  ]);

  const categoryDescription = mysqlTable(`${prefix}category_description`, {
    categoryId: int('category_id').notNull(),
    languageId: int('language_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description').notNull(),
    metaTitle: varchar('meta_title', { length: 255 }).notNull(),
    metaDescription: varchar('meta_description', { length: 255 }).notNull(),
    metaKeyword: varchar('meta_keyword', { length: 255 }).notNull(),
  }, (t) => [
    primaryKey({ columns: [t.categoryId, t.languageId] }),
    index('name').on(t.name),
  ]);

  // Every ancestor of a category (and the category itself) with its depth, kept by OpenCart on save.
  const categoryPath = mysqlTable(`${prefix}category_path`, {
    categoryId: int('category_id').notNull(),
    pathId: int('path_id').notNull(),
    level: int('level').notNull(),
  }, (t) => [
    primaryKey({ columns: [t.categoryId, t.pathId] }),
  ]);

  const categoryToStore = mysqlTable(`${prefix}category_to_store`, categoryToStoreColumns(), (t) => [
    primaryKey({ columns: [t.categoryId, t.storeId] }),
  ]);

  const manufacturer = mysqlTable(`${prefix}manufacturer`, manufacturerColumns());

  const review = mysqlTable(`${prefix}review`, {
    reviewId: int('review_id').autoincrement().primaryKey(),
    productId: int('product_id').notNull(),
    customerId: int('customer_id').notNull(),
    author: varchar('author', { length: 64 }).notNull(),
    text: text('text').notNull(),
    rating: int('rating').notNull(),
    status: tinyint('status').notNull().default(0),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
    dateModified: datetime('date_modified', { mode: 'string' }).notNull(),
  }, (t) => [
    index('product_id').on(t.productId),
  ]);

  const seoUrl = mysqlTable(`${prefix}seo_url`, seoUrlColumns(), (t) => [
    index('query').on(t.query),
    index('keyword').on(t.keyword),
  ]);

  return {
    product, productDescription, productSpecial, productDiscount, productReward, productToStore, productToCategory,
    productOptionValue, category, categoryDescription, categoryPath, categoryToStore, manufacturer, review,
    seoUrl,
  };
}
