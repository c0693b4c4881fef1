import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenCartTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { getStoreSettings } from './store-settings';
import { StoreSettingsError } from './store-settings-error';

let database: TestDatabase;

function tenantForStore(storeId: number): TenantDb {
  return tenantDb({ id: storeId + 1, slug: `store-${storeId}`, name: `Store ${storeId}`, prefix: 'oc_', storeId }, database.url);
}

async function addSetting(storeId: number, key: string, value: string, serialized: 0 | 1) {
  const { db, oc } = tenantForStore(storeId);
  await db.insert(oc.setting).values({ storeId, code: 'config', key, value, serialized });
}

beforeAll(async () => {
  database = await createOpenCartTestDatabase('storesettings');
});

afterAll(async () => {
  await database?.drop();
});

describe('getStoreSettings', () => {
  it("reads the default store's settings from OpenCart's install data", async () => {
    const settings = await getStoreSettings(tenantForStore(0));
    expect(settings).toEqual({
      storeId: 0,
      currencyCode: 'USD',
      languageCode: 'en-gb',
      languageId: 1,
      processingStatusIds: [5, 1, 2, 12, 3],
      completeStatusIds: [5, 3],
      countedStatusIds: [1, 2, 3, 5, 12],
      timezone: 'UTC',
    });
  });

  it('uses a store’s own rows and falls back to store 0 for the rest', async () => {
    await addSetting(1, 'config_currency', 'EUR', 0);
    await addSetting(1, 'config_timezone', 'Europe/Istanbul', 0);

    const settings = await getStoreSettings(tenantForStore(1));

    expect(settings.storeId).toBe(1);
    expect(settings.currencyCode).toBe('EUR');
    expect(settings.timezone).toBe('Europe/Istanbul');
    expect(settings.languageId).toBe(1);
    expect(settings.countedStatusIds).toEqual([1, 2, 3, 5, 12]);
  });

  it('accepts status lists written as numbers or as a JSON object', async () => {
    await addSetting(2, 'config_processing_status', '[2, 15]', 1);
    await addSetting(2, 'config_complete_status', '{"1":"5","4":"3"}', 1);

    const settings = await getStoreSettings(tenantForStore(2));

    expect(settings.processingStatusIds).toEqual([2, 15]);
    expect(settings.completeStatusIds).toEqual([5, 3]);
    expect(settings.countedStatusIds).toEqual([2, 3, 5, 15]);
  });

  it('rejects a status list that is not JSON with a typed error', async () => {
    await addSetting(3, 'config_complete_status', '["5",', 1);

    const error = await getStoreSettings(tenantForStore(3)).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(StoreSettingsError);
    expect((error as StoreSettingsError).code).toBe('setting_invalid');
  });

  it('rejects a store language that has no language row', async () => {
    await addSetting(4, 'config_language', 'tr-tr', 0);

    const error = await getStoreSettings(tenantForStore(4)).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(StoreSettingsError);
    expect((error as StoreSettingsError).code).toBe('language_not_found');
  });
});
