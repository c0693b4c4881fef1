import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { eq, or } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { createAppTestDatabaseFor, type TestDatabase } from '@/lib/testing/harness';
import { tenants } from '@/lib/db/schema';
import { openTenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { createExport, readExportFile } from './export';
import { createRequest } from './requests';
import { runErasure } from './run-erasure';
import { orderFigures, scanDatabaseFor } from './gdpr.test-helper';

const ctx = { actor: { userId: 1, username: 'admin' } };

/**
 * OpenCart 4.0.2.3's real tables (InnoDB; no fax, salt or address_id on the customer, other order columns):
 * export and erasure read and write only what the shop's tables have.
 */
describe('GDPR on an OpenCart 4.0.2.3 database', () => {
  let t: TestDatabase;
  let shop: TenantDb;

  beforeAll(async () => {
    t = await createAppTestDatabaseFor('4.0', 'gdproc4');
    const [tenant] = await t.db.select().from(tenants);
    shop = openTenantDb(tenant!, t.url);
    // Seeded the way OpenCart writes: its session sql_mode lets omitted NOT NULL columns take their implicit defaults.
    const conn = await mysql.createConnection({ uri: t.url });
    try {
      await conn.query("SET SESSION sql_mode = 'NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION'");
      const people = [
        ['Emre', 'Dortversiyon', 'emre.v4@example.com'],
        ['Emre', 'Dortversiyonlu', 'emre.other@example.com'],
      ];
      for (const [first, last, email] of people) {
        const [c] = await conn.query("INSERT INTO oc_customer SET customer_group_id = 1, language_id = 1, firstname = ?, lastname = ?, email = ?, telephone = '555', newsletter = 1, status = 1, date_added = NOW()", [first, last, email]);
        const customerId = (c as mysql.ResultSetHeader).insertId;
        await conn.query("INSERT INTO oc_address SET customer_id = ?, firstname = ?, lastname = ?, address_1 = 'Moda Cad. 1', city = 'Istanbul', postcode = '34710'", [customerId, first, last]);
        await conn.query("INSERT INTO oc_customer_ip SET customer_id = ?, ip = '203.0.113.4', date_added = NOW()", [customerId]);
        for (const total of ['100.0000', '45.5000']) {
          const [o] = await conn.query(
            "INSERT INTO oc_order SET customer_id = ?, firstname = ?, lastname = ?, email = ?, telephone = '555', payment_firstname = ?, payment_lastname = ?, shipping_firstname = ?, shipping_lastname = ?, shipping_address_1 = 'Moda Cad. 1', ip = '203.0.113.4', user_agent = 'UA', total = ?, order_status_id = 5, date_added = NOW(), date_modified = NOW()",
            [customerId, first, last, email, first, last, first, last, total],
          );
          await conn.query("INSERT INTO oc_order_product SET order_id = ?, product_id = 40, name = 'iPhone', model = 'product 11', quantity = 1, price = 10, total = 10, tax = 0", [(o as mysql.ResultSetHeader).insertId]);
        }
        await conn.query("INSERT INTO oc_gdpr SET store_id = 0, language_id = 1, code = 'c', email = ?, action = 'remove', status = 1, date_added = NOW()", [email]);
      }
    } finally {
      await conn.end();
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('exports the person with 4.0 columns, then erases them leaving no trace and the order figures unchanged', async () => {
    const requestId = await createRequest(t.db, { tenantId: shop.tenant.id, type: 'erasure', source: 'admin', email: 'emre.v4@example.com', language: 'tr', identityMethod: 'id_document', receivedAt: new Date() }, ctx);
    const made = await createExport(t.db, shop, requestId, ctx);
    const files = unzipSync(new Uint8Array((await readExportFile(t.db, shop.tenant.id, made.id, ctx)).file));
    const customers = JSON.parse(strFromU8(files['oc_customer.json']!)) as Array<Record<string, unknown>>;
    expect(customers).toHaveLength(1);
    expect(customers[0]).not.toHaveProperty('fax');
    expect(JSON.parse(strFromU8(files['oc_order.json']!))).toHaveLength(2);
    expect(JSON.parse(strFromU8(files['oc_gdpr.json']!))).toHaveLength(1);
    expect(Object.values(files).map((f) => strFromU8(f)).join('\n')).not.toContain('emre.other@example.com');

    const before = await orderFigures(shop);
    const report = await runErasure({ shop, mainDb: t.db, mainDatabaseUrl: t.url, requestId }, ctx);
    expect(report.status).toBe('completed');
    expect(Object.fromEntries(report.lines.map((l) => [`${l.table}:${l.action}`, l.affected]))).toMatchObject({
      'oc_customer:delete': 1,
      'oc_address:delete': 1,
      'oc_customer_ip:delete': 1,
      'oc_order:anonymise': 2,
      'oc_gdpr:anonymise': 1,
    });
    expect(await orderFigures(shop)).toEqual(before);
    expect(await scanDatabaseFor(t.db, 'emre.v4@example.com')).toEqual([]);
    // The namesake's surname contains the erased one's, so the exact name is checked where it was.
    const named = await shop.db.select({ id: shop.oc.order.orderId }).from(shop.oc.order).where(or(eq(shop.oc.order.lastname, 'Dortversiyon'), eq(shop.oc.order.shippingLastname, 'Dortversiyon')));
    expect(named).toHaveLength(0);
    expect(await scanDatabaseFor(t.db, 'emre.other@example.com')).toEqual(expect.arrayContaining(['oc_customer', 'oc_order', 'oc_gdpr']));
  });
});
