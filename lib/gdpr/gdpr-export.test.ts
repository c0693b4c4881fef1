import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { gdprExports, tenants } from '@/lib/db/schema';
import { QuotaExceededError } from '@/lib/quotas/quota-exceeded-error';
import { setQuotaLimit } from '@/lib/quotas/set-quota-limit';
import { openTenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { createExport, deleteExpiredExports, EXPORT_KEPT_MS, readExportFile } from './export';
import { previewPerson } from './find-person';
import { createRequest } from './requests';
import { seedPerson, type SeededPerson } from './gdpr.test-helper';

const ctx = { actor: { userId: 1, username: 'admin' } };

describe('export of a person', () => {
  let t: TestDatabase;
  let shop: TenantDb;
  let person: SeededPerson;
  let namesake: SeededPerson;

  beforeAll(async () => {
    t = await createAppTestDatabase('gdprexport');
    const [tenant] = await t.db.select().from(tenants);
    shop = openTenantDb(tenant!, t.url);
    person = await seedPerson(shop, t.db, { email: 'ayse.demirtepe@example.com', firstname: 'Ayse', lastname: 'Demirtepe' });
    namesake = await seedPerson(shop, t.db, { email: 'ayse.d@example.org', firstname: 'Ayse', lastname: 'Demirtepa' });
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function exportFor(lookup: { email: string; language?: 'en' | 'tr'; orderId?: number }) {
    const requestId = await createRequest(
      t.db,
      { tenantId: shop.tenant.id, type: 'access', source: 'admin', email: lookup.email, orderId: lookup.orderId, language: lookup.language ?? 'en', identityMethod: 'account_login', receivedAt: new Date() },
      ctx,
    );
    const made = await createExport(t.db, shop, requestId, ctx);
    const { file } = await readExportFile(t.db, shop.tenant.id, made.id, ctx);
    const files = unzipSync(new Uint8Array(file));
    const json = (name: string) => JSON.parse(strFromU8(files[name]!)) as Array<Record<string, unknown>>;
    return { requestId, made, files, json };
  }

  it('holds every row about the person, one JSON file per table, and nothing about a namesake at the same address', async () => {
    const { files, json, made } = await exportFor({ email: 'AYSE.Demirtepe@example.com' });
    const all = Object.entries(files).map(([, bytes]) => strFromU8(bytes)).join('\n');
    expect(all).not.toContain(namesake.email);
    expect(all).not.toContain(namesake.lastname);

    expect(json('oc_customer.json')).toHaveLength(1);
    expect(json('oc_customer.json')[0]).toMatchObject({ email: person.email, newsletter: 1 });
    expect(json('oc_address.json')).toHaveLength(1);
    // Two account orders and the guest order under the same email in capitals.
    expect(json('oc_order.json').map((o) => o.order_id).sort()).toEqual([...person.orderIds].sort());
    expect(json('oc_order_product.json')).toHaveLength(3);
    for (const table of ['customer_ip', 'customer_activity', 'customer_online', 'customer_login', 'customer_search', 'customer_wishlist', 'customer_transaction', 'customer_reward', 'customer_approval', 'review', 'return']) {
      expect(json(`oc_${table}.json`), table).toHaveLength(1);
    }
    for (const table of ['msc_webhook_event', 'msc_webhook_delivery', 'msc_marketplace_order', 'msc_gdpr_consent']) {
      expect(json(`${table}.json`), table).toHaveLength(1);
    }
    expect(strFromU8(files['README.txt']!)).toContain('oc_order.json: 3');
    const rows = Object.keys(files).filter((f) => f.endsWith('.json')).reduce((n, f) => n + json(f).length, 0);
    expect(made.rowCount).toBe(rows);
  });

  it('the preview counts the same rows per table before anything is done', async () => {
    const preview = await previewPerson(shop, t.db, { email: person.email });
    const counts = Object.fromEntries(preview.tables.map((p) => [p.table, p.rows]));
    expect(counts).toMatchObject({ oc_customer: 1, oc_order: 3, oc_address: 1, oc_review: 1, msc_webhook_event: 1 });
    expect(preview.newsletter).toBe(true);
    expect(preview.keys.customerIds).toEqual([person.customerId]);
  });

  it('a request by order number finds the same person', async () => {
    const { json } = await exportFor({ email: 'unknown@example.com', orderId: person.orderIds[2] });
    expect(json('oc_customer.json')).toHaveLength(1);
    expect(json('oc_order.json')).toHaveLength(3);
  });

  it('the README is in the request language', async () => {
    const { files } = await exportFor({ email: person.email, language: 'tr' });
    expect(strFromU8(files['README.txt']!)).toContain('kişisel verileriniz');
  });

  it('another tenant cannot read the export, and after 7 days the file is deleted', async () => {
    const { made } = await exportFor({ email: person.email });
    await expect(readExportFile(t.db, shop.tenant.id + 999, made.id, ctx)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const later = new Date(Date.now() + EXPORT_KEPT_MS + 1000);
    await expect(readExportFile(t.db, shop.tenant.id, made.id, ctx, later)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await deleteExpiredExports(t.db, shop.tenant.id, later)).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.select().from(gdprExports).where(eq(gdprExports.id, made.id));
    expect(row!.file).toBeNull();
    expect(row!.deletedAt).not.toBeNull();
  });

  it('exports count against the daily quota', async () => {
    await setQuotaLimit(t.db, shop.tenant.id, { resource: 'gdpr_exports_per_day', scope: '', limit: 0 }, ctx);
    await expect(exportFor({ email: person.email })).rejects.toBeInstanceOf(QuotaExceededError);
  });
});
