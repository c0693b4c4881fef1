import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openCartTables } from '@/lib/db/opencart';
import { createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { generateDemoHistory } from './generate-demo-history';
import { formatMoney, parseMoney, percentOf } from './money';
import { selectRows } from './test-support';

const oc = openCartTables('oc_');
const num = z.coerce.number();
const TURKEY = 215;

describe('generateDemoHistory with a Turkish tax rate', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createOpenCartTestDatabase('demotax');
    // KDV 20% on "Taxable Goods" (class 9, also flat shipping's class) for every Turkish zone.
    await t.db.execute(sql.raw(`
      INSERT INTO oc_geo_zone (geo_zone_id, name, description, date_added, date_modified)
        VALUES (5, 'Türkiye', 'KDV', '2024-01-01 00:00:00', '2024-01-01 00:00:00')`));
    await t.db.execute(sql.raw(`
      INSERT INTO oc_zone_to_geo_zone (country_id, zone_id, geo_zone_id, date_added, date_modified)
        VALUES (${TURKEY}, 0, 5, '2024-01-01 00:00:00', '2024-01-01 00:00:00')`));
    await t.db.execute(sql.raw(`
      INSERT INTO oc_tax_rate (tax_rate_id, geo_zone_id, name, rate, type, date_added, date_modified)
        VALUES (90, 5, 'KDV (%20)', 20.0000, 'P', '2024-01-01 00:00:00', '2024-01-01 00:00:00')`));
    await t.db.execute(sql.raw('INSERT INTO oc_tax_rate_to_customer_group (tax_rate_id, customer_group_id) VALUES (90, 1)'));
    await t.db.execute(sql.raw(`
      INSERT INTO oc_tax_rule (tax_class_id, tax_rate_id, based, priority) VALUES (9, 90, 'shipping', 1)`));
    await generateDemoHistory({ db: t.db, oc, customers: 300, months: 4, seed: 3, now: new Date('2026-06-01T00:00:00Z') });
  });

  afterAll(async () => {
    await t?.drop();
  });

  it('charges KDV per unit on taxable lines and on shipping, in one tax total row', async () => {
    const lines = await selectRows(t.db, oc, z.object({ order_id: z.number(), product_id: z.number(), price: z.string(), tax: z.string(), quantity: z.number(), tax_class_id: z.number() }), `
      SELECT op.order_id, op.product_id, op.price, op.tax, op.quantity, p.tax_class_id
      FROM {t:order_product} op JOIN {t:product} p ON p.product_id = op.product_id`);
    const taxes = await selectRows(t.db, oc, z.object({ order_id: z.number(), title: z.string(), value: z.string() }), `
      SELECT order_id, title, value FROM {t:order_total} WHERE code = 'tax'`);
    const shipping = parseMoney('5.00');
    const expected = new Map<number, number>();
    for (const line of lines) {
      const unitTax = line.tax_class_id === 9 ? percentOf(parseMoney(line.price), '20.0000') : 0;
      expect(line.tax).toBe(formatMoney(unitTax));
      expected.set(line.order_id, (expected.get(line.order_id) ?? percentOf(shipping, '20.0000')) + unitTax * line.quantity);
    }
    expect(taxes.length).toBe(expected.size);
    for (const row of taxes) {
      expect(row.title).toBe('KDV (%20)');
      expect(row.value).toBe(formatMoney(expected.get(row.order_id)!));
    }
  });

  it('keeps the order total equal to sub-total, shipping and tax', async () => {
    const rows = await selectRows(t.db, oc, z.object({ orders: num, exact: num }), `
      SELECT COUNT(*) AS orders, SUM(x.parts = x.total) AS exact FROM (
        SELECT o.total, SUM(CASE WHEN ot.code <> 'total' THEN ot.value ELSE 0 END) AS parts
        FROM {t:order} o JOIN {t:order_total} ot ON ot.order_id = o.order_id GROUP BY o.order_id, o.total) x`);
    expect(rows[0]!.orders).toBeGreaterThan(50);
    expect(rows[0]!.exact).toBe(rows[0]!.orders);
  });
});
