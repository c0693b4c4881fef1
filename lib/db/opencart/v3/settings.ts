import { char, datetime, decimal, double, index, int, mysqlTable, primaryKey, text, tinyint, varchar } from 'drizzle-orm/mysql-core';

// Columns OpenCart 4.0 shares with 3.0 are defined once, here; v4/ reshapes these with its differences.
export const storeColumns = () => ({
  storeId: int('store_id').autoincrement().primaryKey(),
  name: varchar('name', { length: 64 }).notNull(),
  url: varchar('url', { length: 255 }).notNull(),
  ssl: varchar('ssl', { length: 255 }).notNull(),
});

export const settingColumns = () => ({
  settingId: int('setting_id').autoincrement().primaryKey(),
  storeId: int('store_id').notNull().default(0),
  code: varchar('code', { length: 128 }).notNull(),
  key: varchar('key', { length: 128 }).notNull(),
  // JSON (PHP json_encode) when serialized = 1, plain text otherwise.
  value: text('value').notNull(),
  serialized: tinyint('serialized').notNull(),
});

export const currencyColumns = () => ({
  currencyId: int('currency_id').autoincrement().primaryKey(),
  title: varchar('title', { length: 32 }).notNull(),
  code: varchar('code', { length: 3 }).notNull(),
  symbolLeft: varchar('symbol_left', { length: 12 }).notNull(),
  symbolRight: varchar('symbol_right', { length: 12 }).notNull(),
  decimalPlace: char('decimal_place', { length: 1 }).notNull(),
  // The rate against the default currency, whose value is 1.
  value: double('value', { precision: 15, scale: 8 }).notNull(),
  status: tinyint('status').notNull(),
  dateModified: datetime('date_modified', { mode: 'string' }).notNull(),
});

export const languageColumns = () => ({
  languageId: int('language_id').autoincrement().primaryKey(),
  name: varchar('name', { length: 32 }).notNull(),
  code: varchar('code', { length: 5 }).notNull(),
  locale: varchar('locale', { length: 255 }).notNull(),
  image: varchar('image', { length: 64 }).notNull(),
  directory: varchar('directory', { length: 32 }).notNull(),
  sortOrder: int('sort_order').notNull().default(0),
  status: tinyint('status').notNull(),
});

export const countryColumns = () => ({
  countryId: int('country_id').autoincrement().primaryKey(),
  name: varchar('name', { length: 128 }).notNull(),
  isoCode2: varchar('iso_code_2', { length: 2 }).notNull(),
  isoCode3: varchar('iso_code_3', { length: 3 }).notNull(),
  addressFormat: text('address_format').notNull(),
  postcodeRequired: tinyint('postcode_required').notNull(),
  status: tinyint('status').notNull().default(1),
});

export function buildSettingsTables(prefix: string) {
  // Store 0, the default store, has no row here: its configuration is the setting rows with store_id 0.
  const store = mysqlTable(`${prefix}store`, storeColumns());

  const setting = mysqlTable(`${prefix}setting`, settingColumns());

  const currency = mysqlTable(`${prefix}currency`, currencyColumns());

  const language = mysqlTable(`${prefix}language`, languageColumns(), (t) => [
    index('name').on(t.name),
  ]);

  const stockStatus = mysqlTable(`${prefix}stock_status`, {
    stockStatusId: int('stock_status_id').autoincrement().notNull(),
    languageId: int('language_id').notNull(),
    name: varchar('name', { length: 32 }).notNull(),
  }, (t) => [
    primaryKey({ columns: [t.stockStatusId, t.languageId] }),
  ]);

  const country = mysqlTable(`${prefix}country`, countryColumns());

  const zone = mysqlTable(`${prefix}zone`, {
    zoneId: int('zone_id').autoincrement().primaryKey(),
    countryId: int('country_id').notNull(),
    name: varchar('name', { length: 128 }).notNull(),
    code: varchar('code', { length: 32 }).notNull(),
    status: tinyint('status').notNull().default(1),
  });

  // A named set of regions; tax rates and shipping methods apply to the addresses inside one.
  const geoZone = mysqlTable(`${prefix}geo_zone`, {
    geoZoneId: int('geo_zone_id').autoincrement().primaryKey(),
    name: varchar('name', { length: 32 }).notNull(),
    description: varchar('description', { length: 255 }).notNull(),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
    dateModified: datetime('date_modified', { mode: 'string' }).notNull(),
  });

  // zone_id 0 puts the whole country in the geo zone.
  const zoneToGeoZone = mysqlTable(`${prefix}zone_to_geo_zone`, {
    zoneToGeoZoneId: int('zone_to_geo_zone_id').autoincrement().primaryKey(),
    countryId: int('country_id').notNull(),
    zoneId: int('zone_id').notNull().default(0),
    geoZoneId: int('geo_zone_id').notNull(),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
    dateModified: datetime('date_modified', { mode: 'string' }).notNull(),
  });

  // What product.tax_class_id and shipping_flat_tax_class_id point at; 0 means untaxed.
  const taxClass = mysqlTable(`${prefix}tax_class`, {
    taxClassId: int('tax_class_id').autoincrement().primaryKey(),
    title: varchar('title', { length: 32 }).notNull(),
    description: varchar('description', { length: 255 }).notNull(),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
    dateModified: datetime('date_modified', { mode: 'string' }).notNull(),
  });

  const taxRate = mysqlTable(`${prefix}tax_rate`, {
    taxRateId: int('tax_rate_id').autoincrement().primaryKey(),
    geoZoneId: int('geo_zone_id').notNull().default(0),
    name: varchar('name', { length: 32 }).notNull(),
    // A percentage of the price when type is 'P', a fixed amount per unit when it is 'F'.
    rate: decimal('rate', { precision: 15, scale: 4 }).notNull().default('0.0000'),
    type: char('type', { length: 1 }).notNull(),
    dateAdded: datetime('date_added', { mode: 'string' }).notNull(),
    dateModified: datetime('date_modified', { mode: 'string' }).notNull(),
  });

  // The customer groups a rate is charged to; a rate with no row here is charged to nobody.
  const taxRateToCustomerGroup = mysqlTable(`${prefix}tax_rate_to_customer_group`, {
    taxRateId: int('tax_rate_id').notNull(),
    customerGroupId: int('customer_group_id').notNull(),
  }, (t) => [
    primaryKey({ columns: [t.taxRateId, t.customerGroupId] }),
  ]);

  // Puts a rate in a tax class. `based` ('shipping', 'payment' or 'store') names the address that must lie in
  // the rate's geo zone for the rate to apply.
  const taxRule = mysqlTable(`${prefix}tax_rule`, {
    taxRuleId: int('tax_rule_id').autoincrement().primaryKey(),
    taxClassId: int('tax_class_id').notNull(),
    taxRateId: int('tax_rate_id').notNull(),
    based: varchar('based', { length: 10 }).notNull(),
    priority: int('priority').notNull().default(1),
  });

  return {
    store, setting, currency, language, stockStatus, country, zone, geoZone, zoneToGeoZone, taxClass, taxRate,
    taxRateToCustomerGroup, taxRule,
  };
}
