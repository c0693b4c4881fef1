import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { openCart4Tables } from '@/lib/db/opencart';
import { createOpenCartTestDatabaseFor, type TestDatabase } from '@/lib/testing/harness';
import { generateDemoHistory, type DemoHistoryResult } from './generate-demo-history';
import { selectRows } from './test-support';

// OpenCart 4.0's variants: a variant's order lines name its master, and OpenCart 4 takes the units from both.
const oc4 = openCart4Tables('oc_');
const VARIANT = 40;
const MASTER = 43;
const num = z.coerce.number();

describe('generateDemoHistory on OpenCart 4 with a product variant', () => {
  let t: TestDatabase;
  let result: DemoHistoryResult;

  beforeAll(async () => {
    t = await createOpenCartTestDatabaseFor('4.0', 'demooc4');
    await t.db.update(oc4.product).set({ masterId: MASTER }).where(eq(oc4.product.productId, VARIANT));
    await t.db.update(oc4.product).set({ subtract: 1 }).where(inArray(oc4.product.productId, [VARIANT, MASTER]));
    result = await generateDemoHistory({ db: t.db, prefix: 'oc_', version: '4.0', customers: 300, months: 4, seed: 9, now: new Date('2026-04-01T00:00:00Z') });
  });

  afterAll(async () => {
    await t?.drop();
  });

  it('writes the master id on the variant\'s lines and 0 on every other line', async () => {
    const lines = await selectRows(t.db, oc4, z.object({ product_id: z.number(), master_id: z.number(), n: num }), `
      SELECT product_id, master_id, COUNT(*) AS n FROM {t:order_product} GROUP BY product_id, master_id`);
    expect(lines.some((l) => l.product_id === VARIANT)).toBe(true);
    for (const line of lines) expect(line.master_id).toBe(line.product_id === VARIANT ? MASTER : 0);
  });

  it('counts the variant\'s units of stock-holding orders as sold from the master too', async () => {
    const [sold] = await selectRows(t.db, oc4, z.object({ own: num, variants: num }), `
      SELECT SUM(CASE WHEN op.product_id = ${MASTER} THEN op.quantity ELSE 0 END) AS own,
             SUM(CASE WHEN op.master_id = ${MASTER} THEN op.quantity ELSE 0 END) AS variants
      FROM {t:order_product} op JOIN {t:order} o ON o.order_id = op.order_id
      WHERE FIND_IN_SET(o.order_status_id, (
        SELECT REPLACE(REPLACE(REPLACE(GROUP_CONCAT(value), '[', ''), ']', ''), '"', '')
        FROM {t:setting} WHERE store_id = 0 AND \`key\` IN ('config_processing_status', 'config_complete_status')))`);
    expect(sold!.variants).toBeGreaterThan(0);
    const master = result.stock.find((m) => m.productId === MASTER)!;
    expect(master.soldQuantity).toBe(sold!.own + sold!.variants);
    const [row] = await t.db.select({ quantity: oc4.product.quantity }).from(oc4.product).where(eq(oc4.product.productId, MASTER));
    expect(row!.quantity).toBe(master.openingQuantity - master.soldQuantity);
  });
});
