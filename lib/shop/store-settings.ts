import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { StoreSettingsError } from './store-settings-error';

/** OpenCart's default store: it has no `oc_store` row, its settings sit under `store_id = 0`. */
export const DEFAULT_STORE_ID = 0;
/** `config_timezone` ships as `UTC`; with the setting empty OpenCart stays on its system default, also UTC. */
export const DEFAULT_TIMEZONE = 'UTC';

const SETTING_CODE = 'config';
const SETTING_KEYS = [
  'config_currency',
  'config_language',
  'config_processing_status',
  'config_complete_status',
  'config_timezone',
] as const;
type SettingKey = (typeof SETTING_KEYS)[number];

export type StoreSettings = {
  storeId: number;
  /** `config_currency`: the default currency, the one `oc_order.total` is stored in. */
  currencyCode: string;
  /** `config_language`, e.g. `en-gb`. */
  languageCode: string;
  languageId: number;
  processingStatusIds: number[];
  completeStatusIds: number[];
  /** processing ∪ complete: the statuses OpenCart treats as a placed sale (stock is subtracted). */
  countedStatusIds: number[];
  timezone: string;
};

const statusIdSchema = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\s*\d+\s*$/, 'order status id must be a whole number')
    .transform((id) => Number.parseInt(id, 10)),
]);

/**
 * PHP's json_encode writes a list as `["5","3"]`, but a list whose keys are not 0..n-1 comes out
 * as an object (`{"1":"5"}`); both mean the same set of ids.
 */
export const statusIdListSchema = z
  .union([z.array(statusIdSchema), z.record(z.string(), statusIdSchema).transform((ids) => Object.values(ids))])
  .transform((ids) => [...new Set(ids)]);

const jsonTextSchema = z.string().transform((text, ctx): unknown => {
  if (text.trim() === '') return [];
  try {
    return JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    ctx.issues.push({ code: 'custom', message: `not JSON: ${reason}`, input: text });
    return z.NEVER;
  }
});

/** `serialized = 1`: the JSON text OpenCart wrote with json_encode. */
const serializedStatusListSchema = jsonTextSchema.pipe(statusIdListSchema);
/** `serialized = 0`: a hand-edited row holding one id, or nothing. */
const plainStatusListSchema = z
  .string()
  .transform((value): unknown => (value.trim() === '' ? [] : [value]))
  .pipe(statusIdListSchema);

type SettingRow = { storeId: number; key: string; value: string; serialized: number };

function parseStatusList(key: SettingKey, row: SettingRow | undefined): number[] {
  // An admin who ticks no status saves no row at all: then nothing counts, as in OpenCart.
  if (!row) return [];
  const schema = row.serialized === 1 ? serializedStatusListSchema : plainStatusListSchema;
  const parsed = schema.safeParse(row.value);
  if (!parsed.success) {
    throw new StoreSettingsError(
      'setting_invalid',
      `Setting ${key} of store ${row.storeId} is not a list of order status ids: ${row.value}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

function requireValue(key: SettingKey, row: SettingRow | undefined, storeId: number): string {
  const value = row?.value.trim();
  if (!value) throw new StoreSettingsError('setting_missing', `Setting ${key} is missing for store ${storeId}`);
  return value;
}

/**
 * The settings the dashboard needs for the tenant's store. OpenCart keeps per-store overrides as
 * `oc_setting` rows with that `store_id` and everything else under store 0, so a key missing for
 * the store is read from store 0.
 */
export async function getStoreSettings(tdb: TenantDb): Promise<StoreSettings> {
  const { db, oc, tenant } = tdb;
  const storeIds = [...new Set([tenant.storeId, DEFAULT_STORE_ID])];
  const rows = await db
    .select({
      storeId: oc.setting.storeId,
      key: oc.setting.key,
      value: oc.setting.value,
      serialized: oc.setting.serialized,
    })
    .from(oc.setting)
    .where(
      and(
        eq(oc.setting.code, SETTING_CODE),
        inArray(oc.setting.key, [...SETTING_KEYS]),
        inArray(oc.setting.storeId, storeIds),
      ),
    );

  const byKey = new Map<string, SettingRow>();
  for (const row of rows) {
    const current = byKey.get(row.key);
    if (!current || row.storeId === tenant.storeId) byKey.set(row.key, row);
  }
  const row = (key: SettingKey) => byKey.get(key);

  const currencyCode = requireValue('config_currency', row('config_currency'), tenant.storeId);
  const languageCode = requireValue('config_language', row('config_language'), tenant.storeId);
  const processingStatusIds = parseStatusList('config_processing_status', row('config_processing_status'));
  const completeStatusIds = parseStatusList('config_complete_status', row('config_complete_status'));
  const timezone = row('config_timezone')?.value.trim() || DEFAULT_TIMEZONE;

  const [language] = await db
    .select({ languageId: oc.language.languageId })
    .from(oc.language)
    .where(eq(oc.language.code, languageCode))
    .limit(1);
  if (!language) {
    throw new StoreSettingsError(
      'language_not_found',
      `Store ${tenant.storeId} uses language "${languageCode}", which has no ${tenant.prefix}language row`,
    );
  }

  return {
    storeId: tenant.storeId,
    currencyCode,
    languageCode,
    languageId: language.languageId,
    processingStatusIds,
    completeStatusIds,
    countedStatusIds: [...new Set([...processingStatusIds, ...completeStatusIds])].sort((a, b) => a - b),
    timezone,
  };
}
