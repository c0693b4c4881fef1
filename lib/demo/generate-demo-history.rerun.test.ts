import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCartTables } from '@/lib/db/opencart';
import { createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { openDemoShop, type DemoShop } from './demo-shop';
import { DemoTargetError } from './demo-target';
import { generateDemoHistory } from './generate-demo-history';
import { DemoSetupError } from './store-context';
import { checksumDemoRows } from './test-support';

const NOW = new Date('2026-01-10T08:00:00Z');
const OPTIONS = { customers: 120, months: 3, seed: 7, now: NOW, prefix: 'oc_' } as const;
const oc = openCartTables('oc_');

/** A customer the shop registered itself, in the line's own shape. */
async function addShopCustomer(db: TestDatabase['db'], shop: DemoShop) {
  const shared = {
    customerGroupId: 1, storeId: 0, languageId: 1, firstname: 'Gerçek', lastname: 'Müşteri', email: 'gercek@shop.example',
    telephone: '', password: '', customField: '', ip: '', status: 1, safe: 0, token: '', code: '', dateAdded: '2025-01-01 00:00:00',
  };
  if (shop.version === '4.0') await db.insert(shop.oc4.customer).values(shared);
  else await db.insert(shop.oc.customer).values({ ...shared, fax: '', salt: '' });
}

describe('rerunning generateDemoHistory', () => {
  let t: TestDatabase;
  let shop: DemoShop;
  let firstChecksum: string;

  beforeAll(async () => {
    t = await createOpenCartTestDatabase('demorerun');
    shop = await openDemoShop(t.db, { prefix: 'oc_' });
    await generateDemoHistory({ db: t.db, ...OPTIONS });
    firstChecksum = await checksumDemoRows(t.db, shop);
  });

  afterAll(async () => {
    await t?.drop();
  });

  it('refuses a second run without replace and writes nothing', async () => {
    await expect(generateDemoHistory({ db: t.db, ...OPTIONS })).rejects.toBeInstanceOf(DemoTargetError);
    expect(await checksumDemoRows(t.db, shop)).toBe(firstChecksum);
  });

  it('with replace deletes the demo rows and writes the same history again', async () => {
    await generateDemoHistory({ db: t.db, ...OPTIONS, replace: true });
    expect(await checksumDemoRows(t.db, shop)).toBe(firstChecksum);
  });

  it('with replace cleans up after a run that died halfway', async () => {
    // A crash leaves orders without their lines: simulated by deleting some children.
    await t.db.delete(oc.orderProduct);
    await generateDemoHistory({ db: t.db, ...OPTIONS, replace: true });
    expect(await checksumDemoRows(t.db, shop)).toBe(firstChecksum);
  });

  it('refuses a database with customers of its own, even with replace', async () => {
    const other = await createOpenCartTestDatabase('demoforeign');
    try {
      await addShopCustomer(other.db, await openDemoShop(other.db, { prefix: 'oc_' }));
      await expect(generateDemoHistory({ db: other.db, ...OPTIONS, replace: true })).rejects.toThrow(/customers that the demo did not write/);
      const orders = await other.db.select({ orderId: oc.order.orderId }).from(oc.order);
      expect(orders).toEqual([]);
    } finally {
      await other.drop();
    }
  });

  it('names a table prefix whose tables fit neither OpenCart line', async () => {
    await expect(generateDemoHistory({ db: t.db, ...OPTIONS, prefix: 'nope_', replace: true })).rejects.toThrow(/fit neither OpenCart 3.0 nor 4.0/);
  });

  it('names a store that does not exist', async () => {
    await expect(generateDemoHistory({ db: t.db, ...OPTIONS, storeId: 9, replace: true })).rejects.toBeInstanceOf(DemoSetupError);
  });
});
