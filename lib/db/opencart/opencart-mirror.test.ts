import { and, asc, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/mysql2';
import { getTableConfig } from 'drizzle-orm/mysql-core';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db/pool';
import { createOpenCartTestDatabaseFor, createTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { buildOpenCartTables, openCartTables, type OpenCartTables } from '.';
import { createOpenCartTables } from './create-tables';
import { insertSampleCatalogue } from './sample-catalogue';
import { databaseShape, mirrorShape } from './table-shape.test-helper';

const tableNames = (prefix: string) =>
  Object.entries(buildOpenCartTables(prefix)).map(([key, table]) => [key, getTableConfig(table).name] as const);

// The 3.0 mirror is compared with 3.0.4.1's own tables whatever line TEST_OPENCART_VERSION picks for other suites.
describe.each(['oc_', 'shop_'])('the mirror built with prefix %s', (prefix) => {
  let real: TestDatabase;
  beforeAll(async () => {
    real = await createOpenCartTestDatabaseFor('3.0', 'mirror', prefix);
  });
  afterAll(async () => {
    await real.drop();
  });

  it.each(tableNames(prefix))(
    '%s equals the 3.0.4.1 table %s column for column, with its primary key and indexes',
    async (key, tableName) => {
      const table = buildOpenCartTables(prefix)[key as keyof OpenCartTables];
      expect(mirrorShape(table)).toEqual(await databaseShape(real, tableName));
    },
  );
});

describe('openCartTables', () => {
  it('returns the same tables for the same prefix', () => {
    expect(openCartTables('shop_')).toBe(openCartTables('shop_'));
    expect(openCartTables('shop_')).not.toBe(openCartTables('oc_'));
  });

  it('rejects a prefix that could break out of an SQL identifier', () => {
    expect(() => buildOpenCartTables('oc`; DROP TABLE x; --')).toThrow(/Invalid table prefix/);
    expect(() => openCartTables('a'.repeat(33))).toThrow(/Invalid table prefix/);
  });
});

describe('createOpenCartTables on an empty database', () => {
  let real: TestDatabase;
  let created: TestDatabase;
  beforeAll(async () => {
    [real, created] = await Promise.all([createOpenCartTestDatabaseFor('3.0', 'ocreal'), createTestDatabase('occreated')]);
    await createOpenCartTables(created.url, 'oc_');
  });
  afterAll(async () => {
    await Promise.all([real?.drop(), created?.drop()]);
  });

  it.each(tableNames('oc_'))('creates %s (%s) with the real columns, primary key and indexes', async (_, tableName) => {
    const createdShape = await databaseShape(created, tableName);
    expect(createdShape).toBeDefined();
    expect(createdShape).toEqual(await databaseShape(real, tableName));
  });

  it('creates MyISAM utf8 tables, as OpenCart 3 does', async () => {
    const [rows] = await getPool(created.url).query(
      `SELECT DISTINCT ENGINE AS engine, TABLE_COLLATION AS collation FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = DATABASE()`,
    );
    expect(rows).toEqual([{ engine: 'MyISAM', collation: 'utf8mb3_general_ci' }]);
  });

  it('leaves existing tables and their rows alone when run again', async () => {
    const oc = openCartTables('oc_');
    await created.db.insert(oc.store).values({ storeId: 7, name: 'Kept', url: 'https://kept.example/', ssl: '' });
    await createOpenCartTables(created.url, 'oc_');
    expect(await created.db.select({ name: oc.store.name }).from(oc.store)).toEqual([{ name: 'Kept' }]);
  });
});

// MySQL 8's default mode, which rejects missing NOT NULL values and zero dates on every table.
const MYSQL8_STRICT_MODE =
  'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';

describe('insertSampleCatalogue on created tables', () => {
  let t: TestDatabase;
  let oc: OpenCartTables;
  let strictConn: mysql.Connection;
  const countRows = async () => {
    const names = Object.values(oc).map((table) => getTableConfig(table).name);
    const [rows] = await getPool(t.url).query(
      names.map((name) => `SELECT '${name}' AS name, COUNT(*) AS n FROM \`${name}\``).join(' UNION ALL '),
    );
    return rows;
  };

  beforeAll(async () => {
    t = await createTestDatabase('sample');
    oc = await createOpenCartTables(t.url, 'shop_');
    strictConn = await mysql.createConnection({ uri: t.url, charset: 'utf8mb4', dateStrings: true });
    await strictConn.query(`SET SESSION sql_mode = '${MYSQL8_STRICT_MODE}'`);
    await insertSampleCatalogue(drizzle({ client: strictConn }), oc);
  });
  afterAll(async () => {
    await strictConn?.end();
    await t?.drop();
  });

  it('reads 20 enabled, stock-tracked products back through the mirror with names, prices and categories', async () => {
    const { product: p, productDescription: pd, productToStore: p2s } = oc;
    const products = await t.db
      .select({ id: p.productId, name: pd.name, price: p.price, subtract: p.subtract, status: p.status, sku: p.sku })
      .from(p)
      .innerJoin(pd, and(eq(pd.productId, p.productId), eq(pd.languageId, 1)))
      .innerJoin(p2s, and(eq(p2s.productId, p.productId), eq(p2s.storeId, 0)))
      .orderBy(asc(p.productId));
    expect(products).toHaveLength(20);
    for (const product of products) {
      expect(product).toMatchObject({ subtract: 1, status: 1 });
      expect(product.price).toMatch(/^\d+\.\d{4}$/);
      expect(product.sku).not.toBe('');
    }
    const uncategorised = await t.db
      .select({ id: p.productId })
      .from(p)
      .leftJoin(oc.productToCategory, eq(oc.productToCategory.productId, p.productId))
      .where(sql`${oc.productToCategory.categoryId} IS NULL`);
    expect(uncategorised).toEqual([]);
  });

  it('stores text HTML-escaped and Turkish letters intact, as OpenCart does', async () => {
    const names = await t.db.select({ name: oc.productDescription.name }).from(oc.productDescription);
    expect(names.map((n) => n.name)).toEqual(
      expect.arrayContaining(['Yün Atkı &amp; Bere Seti', 'Laptop Sırt Çantası 15.6&quot;']),
    );
    const [category] = await t.db
      .select({ name: oc.categoryDescription.name })
      .from(oc.categoryDescription)
      .where(eq(oc.categoryDescription.categoryId, 4));
    expect(category?.name).toBe('Ev &amp; Yaşam');
  });

  it('gives store 0 the settings the app reads, with status lists as serialized JSON', async () => {
    const rows = await t.db
      .select({ key: oc.setting.key, value: oc.setting.value, serialized: oc.setting.serialized })
      .from(oc.setting)
      .where(eq(oc.setting.storeId, 0));
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get('config_processing_status')).toEqual({
      key: 'config_processing_status',
      value: '["5","1","2","12","3"]',
      serialized: 1,
    });
    expect(byKey.get('config_complete_status')).toMatchObject({ value: '["5","3"]', serialized: 1 });
    expect(byKey.get('config_currency')).toMatchObject({ value: 'TRY', serialized: 0 });
    expect(byKey.get('config_language')).toMatchObject({ value: 'en-gb', serialized: 0 });
    expect(byKey.get('config_order_status_id')).toMatchObject({ value: '1', serialized: 0 });
  });

  it('files flat shipping settings under their extension code, as OpenCart does, and taxes it with KDV', async () => {
    const rows = await t.db
      .select({ code: oc.setting.code, key: oc.setting.key, value: oc.setting.value })
      .from(oc.setting)
      .where(eq(oc.setting.code, 'shipping_flat'));
    expect(rows).toEqual(
      expect.arrayContaining([
        { code: 'shipping_flat', key: 'shipping_flat_cost', value: '49.90' },
        { code: 'shipping_flat', key: 'shipping_flat_tax_class_id', value: '1' },
      ]),
    );
    const [kdv] = await t.db
      .select({ title: oc.taxClass.title, rate: oc.taxRate.rate, type: oc.taxRate.type, based: oc.taxRule.based })
      .from(oc.taxClass)
      .innerJoin(oc.taxRule, eq(oc.taxRule.taxClassId, oc.taxClass.taxClassId))
      .innerJoin(oc.taxRate, eq(oc.taxRate.taxRateId, oc.taxRule.taxRateId))
      .where(eq(oc.taxClass.taxClassId, 1));
    expect(kdv).toEqual({ title: 'KDV %20', rate: '20.0000', type: 'P', based: 'shipping' });
  });

  it('has the 14 order statuses under OpenCart ids and TRY as the default currency', async () => {
    const statuses = await t.db.select().from(oc.orderStatus).orderBy(asc(oc.orderStatus.orderStatusId));
    expect(statuses.map((s) => s.orderStatusId)).toEqual([1, 2, 3, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(statuses.find((s) => s.orderStatusId === 5)?.name).toBe('Complete');
    const [tryRow] = await t.db.select().from(oc.currency).where(eq(oc.currency.code, 'TRY'));
    expect(tryRow?.value).toBe(1);
  });

  it('keeps each category and its ancestors in category_path', async () => {
    const paths = await t.db.select().from(oc.categoryPath).where(eq(oc.categoryPath.categoryId, 3));
    expect(paths).toEqual(
      expect.arrayContaining([
        { categoryId: 3, pathId: 2, level: 0 },
        { categoryId: 3, pathId: 3, level: 1 },
      ]),
    );
    expect(paths).toHaveLength(2);
  });

  it('adds no rows when run a second time', async () => {
    const before = await countRows();
    await insertSampleCatalogue(t.db, oc);
    expect(await countRows()).toEqual(before);
  });
});
