import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { verifyOpenCartPassword } from '@/lib/auth/opencart-password';
import { openCartTables, type OpenCartTables } from '@/lib/db/opencart';
import { createOpenCartTestDatabase, TEST_OPENCART_VERSION, type TestDatabase } from '@/lib/testing/harness';
import { openDemoShop, type DemoShop } from './demo-shop';
import { generateDemoHistory, type DemoHistoryResult } from './generate-demo-history';
import { DEMO_CUSTOMER_PASSWORD } from './people';
import { checksumDemoRows, selectRows } from './test-support';

const NOW = new Date('2026-03-15T12:34:56Z');
const OPTIONS = { customers: 1500, months: 24, seed: 20260315, now: NOW } as const;

/** SUM() and DECIMAL come back as strings, COUNT() as numbers. */
const num = z.coerce.number();

/** What the stock and price checks compare, in columns both lines have. */
function readStock(db: TestDatabase['db'], oc: OpenCartTables) {
  const p = oc.product;
  return db.select({ productId: p.productId, quantity: p.quantity, subtract: p.subtract, price: p.price }).from(p).orderBy(p.productId);
}

describe(`generateDemoHistory on OpenCart ${TEST_OPENCART_VERSION}`, () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let oc: OpenCartTables;
  let ocShop: OpenCartTables;
  let shop: DemoShop;
  let result: DemoHistoryResult;
  let quantitiesBefore: Map<number, { quantity: number; subtract: number }>;
  /** A customer's default address: customer.address_id on 3.0, address.default on 4.0. */
  const defaultAddressJoin = () =>
    shop.version === '4.0' ? 'a.customer_id = c.customer_id AND a.`default` = 1' : 'a.address_id = c.address_id';

  beforeAll(async () => {
    [first, second] = await Promise.all([createOpenCartTestDatabase('demo', 'oc_'), createOpenCartTestDatabase('demo2', 'shop_')]);
    oc = openCartTables('oc_');
    ocShop = openCartTables('shop_');
    shop = await openDemoShop(first.db, { prefix: 'oc_' });
    const before = await readStock(first.db, oc);
    quantitiesBefore = new Map(before.map((p) => [p.productId, { quantity: p.quantity, subtract: p.subtract }]));
    result = await generateDemoHistory({ db: first.db, prefix: 'oc_', ...OPTIONS });
    await generateDemoHistory({ db: second.db, prefix: 'shop_', ...OPTIONS });
  });

  afterAll(async () => {
    await Promise.all([first?.drop(), second?.drop()]);
  });

  it('writes the same rows for the same seed, whatever the table prefix', async () => {
    expect(result.orders).toBeGreaterThan(2500);
    expect(result.openCartVersion).toBe(TEST_OPENCART_VERSION);
    const other = await openDemoShop(second.db, { prefix: 'shop_' });
    expect(await checksumDemoRows(first.db, shop)).toBe(await checksumDemoRows(second.db, other));
  });

  it('writes every customer with a default Turkish address and a unique e-mail', async () => {
    const rows = await selectRows(first.db, oc, z.object({ customers: num, emails: num, matched: num, zoned: num }), `
      SELECT COUNT(*) AS customers, COUNT(DISTINCT c.email) AS emails,
             SUM(a.customer_id = c.customer_id) AS matched, SUM(a.zone_id > 0 AND a.country_id = 215) AS zoned
      FROM {t:customer} c LEFT JOIN {t:address} a ON ${defaultAddressJoin()}`);
    expect(rows[0]).toEqual({ customers: 1500, emails: 1500, matched: 1500, zoned: 1500 });
  });

  it('lets demo customers log in with the demo password, hashed as the line does (3.0 salted sha1, 4.0 bcrypt)', async () => {
    const customers = shop.version === '4.0'
      ? await first.db.select({ password: shop.oc4.customer.password }).from(shop.oc4.customer).limit(20)
      : await first.db.select({ password: oc.customer.password, salt: oc.customer.salt }).from(oc.customer).limit(20);
    expect(customers.length).toBe(20);
    for (const c of customers) {
      expect(c.password).toMatch(shop.version === '4.0' ? /^\$2y\$10\$/ : /^[0-9a-f]{40}$/);
      expect(verifyOpenCartPassword(DEMO_CUSTOMER_PASSWORD, c)).toBe(true);
    }
    expect(verifyOpenCartPassword('wrong', customers[0]!)).toBe(false);
  });

  it('names payment and shipping methods in the line\'s own shape', async () => {
    if (shop.version === '3.0') {
      const [row] = await selectRows(first.db, oc, z.object({ payment_method: z.string(), payment_code: z.string(), shipping_method: z.string(), shipping_code: z.string() }), `
        SELECT payment_method, payment_code, shipping_method, shipping_code FROM {t:order} ORDER BY order_id LIMIT 1`);
      expect(row).toEqual({ payment_method: 'Cash On Delivery', payment_code: 'cod', shipping_method: 'Flat Shipping Rate', shipping_code: 'flat.flat' });
      return;
    }
    const [row] = await selectRows(first.db, oc, z.object({ payment_method: z.string(), shipping_method: z.string(), language_code: z.string() }), `
      SELECT payment_method, shipping_method, language_code FROM {t:order} ORDER BY order_id LIMIT 1`);
    expect(JSON.parse(row!.payment_method)).toEqual({ name: 'Cash On Delivery', code: 'cod.cod' });
    expect(JSON.parse(row!.shipping_method)).toEqual({ name: 'Flat Shipping Rate', code: 'flat.flat' });
    expect(row!.language_code).toBe('en-gb');
    const [links] = await selectRows(first.db, oc, z.object({ orders: num, linked: num, guests: num, totals: num, owned: num }), `
      SELECT COUNT(*) AS orders,
             SUM(o.customer_id > 0 AND o.payment_address_id = a.address_id AND o.shipping_address_id = a.address_id) AS linked,
             SUM(o.customer_id = 0 AND o.payment_address_id = 0 AND o.shipping_address_id = 0) AS guests,
             (SELECT COUNT(*) FROM {t:order_total}) AS totals,
             (SELECT COUNT(*) FROM {t:order_total} WHERE extension = 'opencart') AS owned
      FROM {t:order} o LEFT JOIN {t:address} a ON a.customer_id = o.customer_id AND a.\`default\` = 1`);
    expect(links!.linked + links!.guests).toBe(links!.orders);
    expect(links!.guests).toBeGreaterThan(0);
    expect(links!.owned).toBe(links!.totals);
  });

  it('makes each order total the sum of its lines, shipping and tax', async () => {
    const mismatches = await selectRows(first.db, oc, z.object({ order_id: z.number() }), `
      SELECT o.order_id FROM {t:order} o
      JOIN (SELECT order_id, SUM(total) AS lines_total FROM {t:order_product} GROUP BY order_id) p ON p.order_id = o.order_id
      JOIN (SELECT order_id,
                   SUM(CASE WHEN code = 'sub_total' THEN value ELSE 0 END) AS sub_total,
                   SUM(CASE WHEN code IN ('sub_total', 'shipping', 'tax') THEN value ELSE 0 END) AS parts,
                   SUM(CASE WHEN code = 'total' THEN value ELSE 0 END) AS total,
                   SUM(code = 'total') AS total_rows
            FROM {t:order_total} GROUP BY order_id) t ON t.order_id = o.order_id
      WHERE t.sub_total <> p.lines_total OR t.parts <> t.total OR t.total <> o.total OR t.total_rows <> 1`);
    expect(mismatches).toEqual([]);
    const [counts] = await selectRows(first.db, oc, z.object({ orders: z.number(), with_totals: z.number() }), `
      SELECT (SELECT COUNT(*) FROM {t:order}) AS orders, (SELECT COUNT(DISTINCT order_id) FROM {t:order_total}) AS with_totals`);
    expect(counts!.with_totals).toBe(counts!.orders);
  });

  it('writes order totals in OpenCart sort order and line totals as price times quantity', async () => {
    const badLines = await selectRows(first.db, oc, z.object({ n: z.number() }), `
      SELECT COUNT(*) AS n FROM {t:order_product} WHERE total <> price * quantity OR quantity < 1`);
    expect(badLines[0]!.n).toBe(0);
    const sample = await selectRows(first.db, oc, z.object({ code: z.string(), title: z.string(), value: num, sort_order: z.number() }), `
      SELECT code, title, value, sort_order FROM {t:order_total} WHERE order_id = (SELECT MIN(order_id) FROM {t:order}) ORDER BY order_total_id`);
    expect(sample.map((t) => [t.code, t.title, t.sort_order])).toEqual([
      ['sub_total', 'Sub-Total', 1],
      ['shipping', 'Flat Shipping Rate', 3],
      ['total', 'Total', 9],
    ]);
    expect(sample[1]!.value).toBe(5);
  });

  it('gives every order a dated status history that ends in its status', async () => {
    const rows = await selectRows(first.db, oc, z.object({ order_id: z.number(), order_status_id: z.number(), date_added: z.string(), date_modified: z.string(), statuses: z.string(), dates: z.string() }), `
      SELECT o.order_id, o.order_status_id, o.date_added, o.date_modified,
             GROUP_CONCAT(h.order_status_id ORDER BY h.order_history_id) AS statuses,
             GROUP_CONCAT(h.date_added ORDER BY h.order_history_id) AS dates
      FROM {t:order} o JOIN {t:order_history} h ON h.order_id = o.order_id GROUP BY o.order_id`);
    expect(rows.length).toBe(result.orders);
    for (const row of rows) {
      const statuses = row.statuses.split(',').map(Number);
      const dates = row.dates.split(',');
      expect(statuses.at(-1)).toBe(row.order_status_id);
      expect(dates[0]).toBe(row.date_added);
      expect(dates.at(-1)).toBe(row.date_modified);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      expect(dates.at(-1)! <= '2026-03-15 12:34:56').toBe(true);
    }
    const finals = new Set(rows.map((r) => r.order_status_id));
    for (const status of [1, 2, 3, 5, 7, 11]) expect(finals.has(status)).toBe(true);
  });

  it('places registered customers\' orders after they registered', async () => {
    const early = await selectRows(first.db, oc, z.object({ n: z.number() }), `
      SELECT COUNT(*) AS n FROM {t:order} o JOIN {t:customer} c ON c.customer_id = o.customer_id WHERE o.date_added < c.date_added`);
    expect(early[0]!.n).toBe(0);
  });

  it('lowers stock by exactly the units of processing and complete orders, for subtract = 1 products', async () => {
    const sold = await selectRows(first.db, oc, z.object({ product_id: z.number(), units: num }), `
      SELECT op.product_id, SUM(op.quantity) AS units
      FROM {t:order_product} op JOIN {t:order} o ON o.order_id = op.order_id
      WHERE FIND_IN_SET(o.order_status_id, (
        SELECT REPLACE(REPLACE(REPLACE(GROUP_CONCAT(value), '[', ''), ']', ''), '"', '')
        FROM {t:setting} WHERE store_id = 0 AND \`key\` IN ('config_processing_status', 'config_complete_status')))
      GROUP BY op.product_id`);
    const soldById = new Map(sold.map((s) => [s.product_id, s.units]));
    const after = await readStock(first.db, oc);
    const moves = new Map(result.stock.map((m) => [m.productId, m]));
    for (const product of after) {
      const before = quantitiesBefore.get(product.productId)!;
      if (before.subtract === 0) {
        expect(product.quantity).toBe(before.quantity);
        expect(moves.has(product.productId)).toBe(false);
        continue;
      }
      const move = moves.get(product.productId)!;
      expect(move.soldQuantity).toBe(soldById.get(product.productId) ?? 0);
      expect(product.quantity).toBe(move.openingQuantity - move.soldQuantity);
      expect(product.quantity).toBeGreaterThanOrEqual(0);
    }
    expect(after.filter((p) => p.subtract === 1 && p.quantity <= 5).length).toBeGreaterThanOrEqual(2);
  });

  it('leaves catalogue prices at the latest price and sells at earlier prices before', async () => {
    const products = await readStock(first.db, oc);
    const original = await readStock(second.db, ocShop);
    expect(products.map((p) => p.price)).toEqual(original.map((p) => p.price));
    const levels = await selectRows(first.db, oc, z.object({ n: z.number() }), `
      SELECT COUNT(DISTINCT price) AS n FROM {t:order_product} WHERE product_id = 40`);
    expect(levels[0]!.n).toBeGreaterThanOrEqual(3);
    expect(result.priceChanges).toBeGreaterThan(2 * products.length - 10);
  });

  it('sells a larger share of a product while its price is low than while it is high', async () => {
    const rows = await selectRows(first.db, oc, z.object({ product_id: z.number(), price: num, units: num, first_day: z.string(), last_day: z.string() }), `
      SELECT op.product_id, op.price, SUM(op.quantity) AS units,
             MIN(DATE(o.date_added)) AS first_day, MAX(DATE(o.date_added)) AS last_day
      FROM {t:order_product} op JOIN {t:order} o ON o.order_id = op.order_id
      GROUP BY op.product_id, op.price`);
    const daily = await selectRows(first.db, oc, z.object({ day: z.string(), units: num }), `
      SELECT DATE(o.date_added) AS day, SUM(op.quantity) AS units
      FROM {t:order_product} op JOIN {t:order} o ON o.order_id = op.order_id GROUP BY day`);
    const unitsBetween = (from: string, to: string) =>
      daily.filter((d) => d.day >= from && d.day <= to).reduce((sum, d) => sum + d.units, 0);
    const byProduct = new Map<number, typeof rows>();
    for (const row of rows) byProduct.set(row.product_id, [...(byProduct.get(row.product_id) ?? []), row]);
    let lowerSellsMore = 0;
    let compared = 0;
    for (const levels of byProduct.values()) {
      if (levels.length < 2) continue;
      const share = (l: (typeof levels)[number]) => l.units / unitsBetween(l.first_day, l.last_day);
      const cheapest = levels.reduce((a, b) => (b.price < a.price ? b : a));
      const dearest = levels.reduce((a, b) => (b.price > a.price ? b : a));
      compared += 1;
      if (share(cheapest) > share(dearest)) lowerSellsMore += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(10);
    expect(lowerSellsMore / compared).toBeGreaterThanOrEqual(0.75);
  });

  it('sells less on weekends and more in November and December', async () => {
    const days = await selectRows(first.db, oc, z.object({ day: z.string(), weekday: z.number(), month: z.number(), orders: z.number() }), `
      SELECT DATE(date_added) AS day, DAYOFWEEK(date_added) AS weekday, MONTH(date_added) AS month, COUNT(*) AS orders
      FROM {t:order} WHERE date_added >= '2024-03-16' AND date_added < '2026-03-15' GROUP BY day, weekday, month`);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const weekend = mean(days.filter((d) => d.weekday === 1 || d.weekday === 7).map((d) => d.orders));
    const weekdays = mean(days.filter((d) => d.weekday !== 1 && d.weekday !== 7).map((d) => d.orders));
    expect(weekend / weekdays).toBeLessThan(0.85);
    const peak = mean(days.filter((d) => d.month === 11 || d.month === 12).map((d) => d.orders));
    const summer = mean(days.filter((d) => d.month >= 6 && d.month <= 8).map((d) => d.orders));
    expect(peak / summer).toBeGreaterThan(1.3);
  });
});
