import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCartTables } from '@/lib/db/opencart';
import { createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { DemoTargetError } from './demo-target';
import { generateDemoHistory } from './generate-demo-history';
import { DemoSetupError } from './store-context';
import { checksumDemoRows } from './test-support';

const NOW = new Date('2026-01-10T08:00:00Z');
const OPTIONS = { customers: 120, months: 3, seed: 7, now: NOW } as const;
const oc = openCartTables('oc_');

describe('rerunning generateDemoHistory', () => {
  let t: TestDatabase;
  let firstChecksum: string;

  beforeAll(async () => {
    t = await createOpenCartTestDatabase('demorerun');
    await generateDemoHistory({ db: t.db, oc, ...OPTIONS });
    firstChecksum = await checksumDemoRows(t.db, oc);
  });

  afterAll(async () => {
    await t?.drop();
  });

  it('refuses a second run without replace and writes nothing', async () => {
    await expect(generateDemoHistory({ db: t.db, oc, ...OPTIONS })).rejects.toBeInstanceOf(DemoTargetError);
    expect(await checksumDemoRows(t.db, oc)).toBe(firstChecksum);
  });

  it('with replace deletes the demo rows and writes the same history again', async () => {
    await generateDemoHistory({ db: t.db, oc, ...OPTIONS, replace: true });
    expect(await checksumDemoRows(t.db, oc)).toBe(firstChecksum);
  });

  it('with replace cleans up after a run that died halfway', async () => {
    // A crash leaves orders without their lines: simulated by deleting some children.
    await t.db.delete(oc.orderProduct);
    await generateDemoHistory({ db: t.db, oc, ...OPTIONS, replace: true });
    expect(await checksumDemoRows(t.db, oc)).toBe(firstChecksum);
  });

  it('refuses a database with customers of its own, even with replace', async () => {
    const other = await createOpenCartTestDatabase('demoforeign');
    try {
      await other.db.insert(oc.customer).values({
        customerGroupId: 1, storeId: 0, languageId: 1, firstname: 'Gerçek', lastname: 'Müşteri', email: 'gercek@shop.example',
        telephone: '', fax: '', password: '', salt: '', customField: '', ip: '', status: 1, safe: 0, token: '', code: '',
        dateAdded: '2025-01-01 00:00:00',
      });
      await expect(generateDemoHistory({ db: other.db, oc, ...OPTIONS, replace: true })).rejects.toThrow(/customers that the demo did not write/);
      const orders = await other.db.select().from(oc.order);
      expect(orders).toEqual([]);
    } finally {
      await other.drop();
    }
  });

  it('names a store that does not exist', async () => {
    await expect(generateDemoHistory({ db: t.db, oc, ...OPTIONS, storeId: 9, replace: true })).rejects.toBeInstanceOf(DemoSetupError);
  });
});
