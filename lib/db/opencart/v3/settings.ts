import { char, datetime, double, index, int, mysqlTable, primaryKey, text, tinyint, varchar } from 'drizzle-orm/mysql-core';

export function buildSettingsTables(prefix: string) {
  // Store 0, the default store, has no row here: its configuration is the setting rows with store_id 0.
  const store = mysqlTable(`${prefix}store`, {
    storeId: int('store_id').autoincrement().primaryKey(),
    name: varchar('name', { length: 64 }).notNull(),
    url: varchar('url', { length: 255 }).notNull(),
    ssl: varchar('ssl', { length: 255 }).notNull(),
  });

  const setting = mysqlTable(`${prefix}setting`, {
    settingId: int('setting_id').autoincrement().primaryKey(),
    storeId: int('store_id').notNull().default(0),
    code: varchar('code', { length: 128 }).notNull(),
    key: varchar('key', { length: 128 }).notNull(),
    // JSON (PHP json_encode) when serialized = 1, plain text otherwise.
    value: text('value').notNull(),
    serialized: tinyint('serialized').notNull(),
  });

  const currency = mysqlTable(`${prefix}currency`, {
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

  const language = mysqlTable(`${prefix}language`, {
    languageId: int('language_id').autoincrement().primaryKey(),
    name: varchar('name', { length: 32 }).notNull(),
    code: varchar('code', { length: 5 }).notNull(),
    locale: varchar('locale', { length: 255 }).notNull(),
    image: varchar('image', { length: 64 }).notNull(),
    directory: varchar('directory', { length: 32 }).notNull(),
    sortOrder: int('sort_order').notNull().default(0),
    status: tinyint('status').notNull(),
  }, (t) => [
    index('name').on(t.name),
  ]);

  const stockStatus = mysqlTable(`${prefix}stock_status`, {
    stockStatusId: int('stock_status_id').autoincrement().notNull(),
    languageId: int('language_id').notNull(),
    name: varchar('name', { length: 32 }).notNull(),
  }, (t) => [
    primaryKey({ columns: [t.stockStatusId, t.languageId] }),
  ]);

  const country = mysqlTable(`${prefix}country`, {
    countryId: int('country_id').autoincrement().primaryKey(),
    name: varchar('name', { length: 128 }).notNull(),
    isoCode2: varchar('iso_code_2', { length: 2 }).notNull(),
    isoCode3: varchar('iso_code_3', { length: 3 }).notNull(),
    addressFormat: text('address_format').notNull(),
    postcodeRequired: tinyint('postcode_required').notNull(),
    status: tinyint('status').notNull().default(1),
  });

  const zone = mysqlTable(`${prefix}zone`, {
    zoneId: int('zone_id').autoincrement().primaryKey(),
    countryId: int('country_id').notNull(),
    name: varchar('name', { length: 128 }).notNull(),
    code: varchar('code', { length: 32 }).notNull(),
    status: tinyint('status').notNull().default(1),
  });

  return { store, setting, currency, language, stockStatus, country, zone };
}
