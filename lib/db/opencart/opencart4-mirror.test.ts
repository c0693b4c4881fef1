import { getTableConfig } from 'drizzle-orm/mysql-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db/pool';
import { createOpenCart4TestDatabase, createTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { createOpenCart4Tables } from './create-tables';
import { buildOpenCart4Tables, openCart4Tables, openCartTables, type OpenCart4Tables } from '.';
import { databaseShape, mirrorShape } from './table-shape.test-helper';

const tableNames = (prefix: string) =>
  Object.entries(buildOpenCart4Tables(prefix)).map(([key, table]) => [key, getTableConfig(table).name] as const);

describe.each(['oc_', 'shop_'])('the OpenCart 4 mirror built with prefix %s', (prefix) => {
  let real: TestDatabase;
  beforeAll(async () => {
    real = await createOpenCart4TestDatabase('mirror4', prefix);
  });
  afterAll(async () => {
    await real?.drop();
  });

  it.each(tableNames(prefix))(
    '%s equals the 4.0.2.3 table %s column for column, with its primary key and indexes',
    async (key, tableName) => {
      const table = buildOpenCart4Tables(prefix)[key as keyof OpenCart4Tables];
      expect(mirrorShape(table)).toEqual(await databaseShape(real, tableName));
    },
  );

  it('holds the 4.0.2.3 database as its installer leaves it: InnoDB and utf8mb4 throughout', async () => {
    const [rows] = await getPool(real.url).query(
      `SELECT DISTINCT ENGINE AS engine, TABLE_COLLATION AS collation FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = DATABASE()`,
    );
    expect(rows).toEqual([{ engine: 'InnoDB', collation: 'utf8mb4_general_ci' }]);
  });
});

describe('what the two mirrors share', () => {
  const v3 = openCartTables('oc_');
  const v4 = openCart4Tables('oc_');
  const changed = ['product', 'productSpecial', 'productDiscount', 'category', 'categoryToStore', 'manufacturer',
    'seoUrl', 'order', 'orderProduct', 'orderTotal', 'return', 'customer', 'address', 'customerIp', 'customerSearch',
    'store', 'setting', 'currency', 'language', 'country', 'user'];

  it('reuses the 3.0 table itself wherever 4.0 did not change it', () => {
    for (const key of Object.keys(v3) as Array<keyof typeof v3>) {
      if (changed.includes(key)) expect(v4[key], key).not.toBe(v3[key]);
      else expect(v4[key], key).toBe(v3[key]);
    }
  });

  it('adds only oc_address_format and oc_gdpr as tables of its own', () => {
    expect(Object.keys(v4).filter((key) => !(key in v3))).toEqual(['addressFormat', 'gdpr']);
  });

  it('keeps a changed table to the columns 4.0 changed: the rest are the same declarations', () => {
    const v3Order = getTableConfig(v3.order).columns.map((c) => c.name);
    const v4Order = getTableConfig(v4.order).columns.map((c) => c.name);
    expect(v3Order.filter((name) => !v4Order.includes(name))).toEqual(['fax', 'payment_code', 'shipping_code']);
    expect(v4Order.filter((name) => !v3Order.includes(name))).toEqual([
      'subscription_id', 'transaction_id', 'payment_address_id', 'shipping_address_id', 'language_code',
    ]);
  });

  it('builds the 4.0 tables once per prefix and refuses an unsafe prefix', () => {
    expect(openCart4Tables('shop_')).toBe(openCart4Tables('shop_'));
    expect(() => buildOpenCart4Tables('oc`; DROP TABLE x; --')).toThrow(/Invalid table prefix/);
  });
});

describe('createOpenCart4Tables on an empty database', () => {
  let real: TestDatabase;
  let created: TestDatabase;
  beforeAll(async () => {
    [real, created] = await Promise.all([createOpenCart4TestDatabase('oc4real'), createTestDatabase('oc4created')]);
    await createOpenCart4Tables(created.url, 'oc_');
  });
  afterAll(async () => {
    await Promise.all([real?.drop(), created?.drop()]);
  });

  it.each(tableNames('oc_'))('creates %s (%s) as 4.0.2.3 has it', async (_, tableName) => {
    const createdShape = await databaseShape(created, tableName);
    expect(createdShape).toBeDefined();
    expect(createdShape).toEqual(await databaseShape(real, tableName));
  });

  it('creates InnoDB utf8mb4 tables, as OpenCart 4 does', async () => {
    const [rows] = await getPool(created.url).query(
      `SELECT DISTINCT ENGINE AS engine, TABLE_COLLATION AS collation FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = DATABASE()`,
    );
    expect(rows).toEqual([{ engine: 'InnoDB', collation: 'utf8mb4_general_ci' }]);
  });
});
