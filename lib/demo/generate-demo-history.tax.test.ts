import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openCartTables } from '@/lib/db/opencart';
import { formatMoneyUnits, parseMoney, percentOfMoney } from '@/lib/shop/money';
import { createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { generateDemoHistory } from './generate-demo-history';
import { selectRows } from './test-support';

const oc = openCartTables('oc_');
const num = z.coerce.number();
const TURKEY = 215;
const CREATED = '2024-01-01 00:00:00';
/** OpenCart's "Taxable Goods" class in its install data, also flat shipping's tax class there. */
const TAXABLE_GOODS = 9;
const KDV_PERCENT = '20.0000';
const CENT_DECIMALS = 2;

describe('generateDemoHistory with a Turkish tax rate', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createOpenCartTestDatabase('demotax');
    // KDV 20% on Taxable Goods for every Turkish zone.
    await t.db.insert(oc.geoZone).values({ geoZoneId: 5, name: 'Türkiye', description: 'KDV', dateAdded: CREATED, dateModified: CREATED });
    await t.db.insert(oc.zoneToGeoZone).values({ countryId: TURKEY, zoneId: 0, geoZoneId: 5, dateAdded: CREATED, dateModified: CREATED });
    await t.db.insert(oc.taxRate).values({
      taxRateId: 90, geoZoneId: 5, name: 'KDV (%20)', rate: KDV_PERCENT, type: 'P', dateAdded: CREATED, dateModified: CREATED,
    });
    await t.db.insert(oc.taxRateToCustomerGroup).values({ taxRateId: 90, customerGroupId: 1 });
    await t.db.insert(oc.taxRule).values({ taxClassId: TAXABLE_GOODS, taxRateId: 90, based: 'shipping', priority: 1 });
    await generateDemoHistory({ db: t.db, prefix: 'oc_', customers: 300, months: 4, seed: 3, now: new Date('2026-06-01T00:00:00Z') });
  });

  afterAll(async () => {
    await t?.drop();
  });

  it('charges KDV per unit, rounded to the cent, on taxable lines and on shipping, in one tax total row', async () => {
    const lines = await selectRows(t.db, oc, z.object({ order_id: z.number(), product_id: z.number(), price: z.string(), tax: z.string(), quantity: z.number(), tax_class_id: z.number() }), `
      SELECT op.order_id, op.product_id, op.price, op.tax, op.quantity, p.tax_class_id
      FROM {t:order_product} op JOIN {t:product} p ON p.product_id = op.product_id`);
    const taxes = await selectRows(t.db, oc, z.object({ order_id: z.number(), title: z.string(), value: z.string() }), `
      SELECT order_id, title, value FROM {t:order_total} WHERE code = 'tax'`);
    const kdv = (amount: bigint) => percentOfMoney(amount, KDV_PERCENT, CENT_DECIMALS);
    const shippingTax = kdv(parseMoney('5.00'));
    const expected = new Map<number, bigint>();
    for (const line of lines) {
      const unitTax = line.tax_class_id === TAXABLE_GOODS ? kdv(parseMoney(line.price)) : 0n;
      expect(line.tax).toBe(formatMoneyUnits(unitTax));
      expected.set(line.order_id, (expected.get(line.order_id) ?? shippingTax) + unitTax * BigInt(line.quantity));
    }
    expect(taxes.length).toBe(expected.size);
    for (const row of taxes) {
      expect(row.title).toBe('KDV (%20)');
      expect(row.value).toBe(formatMoneyUnits(expected.get(row.order_id)!));
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
