import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, productCosts } from '@/lib/db/schema';
import { addProducts } from '@/lib/sync/sync.test-helper';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { openDefaultShop } from './pricing.test-helper';
import { importCostsCsv, setProductCost } from './product-costs';

const actor = { userId: 1, username: 'admin' };
let t: TestDatabase;
let fixture: Awaited<ReturnType<typeof openDefaultShop>>;

beforeAll(async () => {
  t = await createAppTestDatabase('pricecost');
  fixture = await openDefaultShop(t);
  await addProducts(t.db, 3);
});
afterAll(async () => {
  await t?.drop();
});

const costs = async () => Object.fromEntries((await t.db.select().from(productCosts)).map((r) => [r.ocProductId, r.cost]));

describe('product costs', () => {
  it('imports the valid rows of a CSV and reports every refused row with its line and reason', async () => {
    const csv = ['product_id;cost', '1000;12,50', '1001;abc', '999999;3', '1000;14', 'x;1', '1002;7.1234'].join('\n');
    const report = await importCostsCsv(t.db, csv, { shop: fixture.shop, actor });
    expect(report).toMatchObject({ imported: 2, refused: 4 });
    expect(report.rows.map((r) => [r.line, r.ok])).toEqual([[2, true], [3, false], [4, false], [5, false], [6, false], [7, true]]);
    expect(report.rows[2]!.message).toContain('not in this shop');
    expect(report.rows[3]!.message).toContain('twice');
    expect(await costs()).toEqual({ 1000: '12.5000', 1002: '7.1234' });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'pricing.cost_import'))).toHaveLength(1);
  });

  it('refuses a file without the two columns, writing nothing', async () => {
    await expect(importCostsCsv(t.db, 'id,price\n1000,3', { shop: fixture.shop, actor })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await costs()).toEqual({ 1000: '12.5000', 1002: '7.1234' });
  });

  it('sets one cost, audited; refuses another shop’s product and a negative cost', async () => {
    await setProductCost(t.db, { productId: 1001, cost: '20' }, { shop: fixture.shop, actor });
    expect((await costs())[1001]).toBe('20.0000');
    await expect(setProductCost(t.db, { productId: 42_424, cost: '1' }, { shop: fixture.shop, actor })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setProductCost(t.db, { productId: 1001, cost: '-1' }, { shop: fixture.shop, actor })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
