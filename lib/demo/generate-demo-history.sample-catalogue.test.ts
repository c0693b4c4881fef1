import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOpenCartTables } from '@/lib/db/opencart/create-tables';
import { insertSampleCatalogue } from '@/lib/db/opencart/sample-catalogue';
import type { OpenCartTables } from '@/lib/db/opencart';
import { createTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { generateDemoHistory, type DemoHistoryResult } from './generate-demo-history';
import { selectRows } from './test-support';

const num = z.coerce.number();

// The project's own demo database: the mirror's tables and its catalogue, with KDV on every product and on shipping.
describe('generateDemoHistory on the project sample catalogue', () => {
  let t: TestDatabase;
  let oc: OpenCartTables;
  let result: DemoHistoryResult;

  beforeAll(async () => {
    t = await createTestDatabase('demosample');
    oc = await createOpenCartTables(t.url, 'oc_');
    await insertSampleCatalogue(t.db, oc);
    result = await generateDemoHistory({ db: t.db, prefix: 'oc_', customers: 300, months: 6, seed: 11, now: new Date('2026-05-20T10:00:00Z') });
  });

  afterAll(async () => {
    await t?.drop();
  });

  it('writes orders in the store currency with every address in a zone the shop knows', async () => {
    expect(result.orders).toBeGreaterThan(100);
    const [row] = await selectRows(t.db, oc, z.object({ currencies: z.string(), unzoned: num }), `
      SELECT GROUP_CONCAT(DISTINCT o.currency_code) AS currencies,
             (SELECT COUNT(*) FROM {t:address} WHERE zone_id NOT IN (SELECT zone_id FROM {t:zone})) AS unzoned
      FROM {t:order} o`);
    const [setting] = await selectRows(t.db, oc, z.object({ value: z.string() }), `
      SELECT value FROM {t:setting} WHERE store_id = 0 AND \`key\` = 'config_currency'`);
    expect(row!.currencies).toBe(setting!.value);
    expect(row!.unzoned).toBe(0);
  });

  it('charges KDV (%20) on every line and on flat shipping, and keeps each total the sum of its rows', async () => {
    const [row] = await selectRows(t.db, oc, z.object({ orders: num, taxed: num, exact: num, shipping: z.string(), wrongTaxLines: num }), `
      SELECT COUNT(*) AS orders,
             SUM(x.tax_rows = 1) AS taxed,
             SUM(x.parts = x.total) AS exact,
             (SELECT GROUP_CONCAT(DISTINCT value) FROM {t:order_total} WHERE code = 'shipping') AS shipping,
             (SELECT COUNT(*) FROM {t:order_product} WHERE tax <> ROUND(price * 0.2, 2)) AS wrongTaxLines
      FROM (SELECT o.total,
                   SUM(ot.code = 'tax' AND ot.title = 'KDV (%20)') AS tax_rows,
                   SUM(CASE WHEN ot.code <> 'total' THEN ot.value ELSE 0 END) AS parts
            FROM {t:order} o JOIN {t:order_total} ot ON ot.order_id = o.order_id GROUP BY o.order_id, o.total) x`);
    expect(row).toEqual({ orders: result.orders, taxed: result.orders, exact: result.orders, shipping: '49.9000', wrongTaxLines: 0 });
  });

  it('leaves a few products low on stock and none negative', async () => {
    expect(result.lowStockProducts).toBeGreaterThanOrEqual(2);
    const products = await t.db.select().from(oc.product);
    expect(products.every((p) => p.quantity >= 0)).toBe(true);
  });
});
