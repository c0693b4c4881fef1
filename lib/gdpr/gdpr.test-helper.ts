import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { gdprConsents, webhookDeliveries, webhookEvents, marketplaceOrders } from '@/lib/db/schema';
import { selectRows } from '@/lib/orders/raw-sql';
import { versionedTables, type VersionedTables } from '@/lib/opencart-version/shop-version';
import { seedOrder } from '@/lib/overview/seed-orders.test-helper';
import type { TenantDb } from '@/lib/tenants/tenant-db';

export type SeededPerson = { customerId: number; orderIds: number[]; email: string; firstname: string; lastname: string };

const NOW = '2026-05-04 10:00:00';
const SHARED_ADDRESS = { address1: 'Bagdat Caddesi 212/4', city: 'Istanbul', postcode: '34728' };

/**
 * One customer with a row in every table the GDPR feature looks at: account, address, login and activity
 * traces, wishlist, credit, reward, a review, a return, two account orders and a guest order under the
 * same email in other letter case, a marketplace webhook copy and a consent row.
 */
export async function seedPerson(shop: TenantDb, mainDb: Db, p: { email: string; firstname: string; lastname: string; orderTotals?: string[] }): Promise<SeededPerson> {
  const { db, oc } = shop;
  const line = await versionedTables(shop);
  const customerId = await insertCustomer(shop, line, p);
  const address = { customerId, firstname: p.firstname, lastname: p.lastname, company: '', address1: SHARED_ADDRESS.address1, address2: '', city: SHARED_ADDRESS.city, postcode: SHARED_ADDRESS.postcode, countryId: 215, zoneId: 0, customField: '' };
  const customerIp = { customerId, ip: '198.51.100.7', dateAdded: NOW };
  if (line.version === '4.0') {
    // 4.0 marks the default address on the address and records the store and country of each IP.
    await db.insert(line.oc.address).values({ ...address, default: 1 });
    await db.insert(line.oc.customerIp).values({ ...customerIp, storeId: 0, country: 'TR' });
  } else {
    await db.insert(oc.address).values(address);
    await db.insert(oc.customerIp).values(customerIp);
  }
  await db.insert(oc.customerActivity).values({ customerId, key: 'login', data: JSON.stringify({ customer_id: customerId, name: `${p.firstname} ${p.lastname}` }), ip: '198.51.100.7', dateAdded: NOW });
  await db.insert(oc.customerOnline).values({ ip: `198.51.100.${customerId % 250}`, customerId, url: '/account', referer: '', dateAdded: NOW });
  await db.insert(oc.customerLogin).values({ email: p.email.toUpperCase(), ip: '198.51.100.7', total: 2, dateAdded: NOW, dateModified: NOW });
  await db.insert(oc.customerSearch).values({ storeId: 0, languageId: 1, customerId, keyword: 'kahve', categoryId: 0, subCategory: 0, description: 0, products: 3, ip: '198.51.100.7', dateAdded: NOW });
  await db.insert(oc.customerWishlist).values({ customerId, productId: 40, dateAdded: NOW });
  await db.insert(oc.customerTransaction).values({ customerId, orderId: 0, description: 'Store credit', amount: '25.0000', dateAdded: NOW });
  await db.insert(oc.customerReward).values({ customerId, orderId: 0, description: 'Welcome points', points: 100, dateAdded: NOW });
  await db.insert(oc.customerApproval).values({ customerId, type: 'customer', dateAdded: NOW });
  await db.insert(oc.review).values({ productId: 40, customerId, author: `${p.firstname} ${p.lastname}`, text: 'Very good coffee, arrived quickly.', rating: 5, status: 1, dateAdded: NOW, dateModified: NOW });
  const person = {
    firstname: p.firstname, lastname: p.lastname, email: p.email, telephone: '+90 555 010 2030',
    paymentFirstname: p.firstname, paymentLastname: p.lastname, paymentAddress1: SHARED_ADDRESS.address1, paymentCity: SHARED_ADDRESS.city, paymentPostcode: SHARED_ADDRESS.postcode,
    shippingFirstname: p.firstname, shippingLastname: p.lastname, shippingAddress1: SHARED_ADDRESS.address1, shippingCity: SHARED_ADDRESS.city, shippingPostcode: SHARED_ADDRESS.postcode,
    ip: '198.51.100.7', userAgent: 'Mozilla/5.0 (test)',
  };
  const totals = p.orderTotals ?? ['120.5000', '64.9000', '18.0000'];
  const orderIds: number[] = [];
  for (const [i, total] of totals.entries()) {
    const guest = i === totals.length - 1;
    orderIds.push(
      await seedOrder(shop, {
        ...person,
        customerId: guest ? 0 : customerId,
        email: guest ? p.email.toUpperCase() : p.email,
        orderStatusId: 5,
        total,
        dateAdded: `2026-0${i + 1}-15 12:00:00`,
      }, line.version),
    );
  }
  for (const orderId of orderIds) {
    const orderLine = { orderId, productId: 40, name: 'iPhone', model: 'product 11', quantity: 1, price: '10.0000', total: '10.0000', tax: '2.0000', reward: 0 };
    const orderTotal = { orderId, code: 'total', title: 'Total', value: '10.0000', sortOrder: 9 };
    if (line.version === '4.0') {
      // 4.0 names each line's master product (0: no variant) and the extension owning each total.
      await db.insert(line.oc.orderProduct).values({ ...orderLine, masterId: 0 });
      await db.insert(line.oc.orderTotal).values({ ...orderTotal, extension: 'opencart' });
    } else {
      await db.insert(oc.orderProduct).values(orderLine);
      await db.insert(oc.orderTotal).values(orderTotal);
    }
    await db.insert(oc.orderHistory).values({ orderId, orderStatusId: 5, notify: 0, comment: '', dateAdded: NOW });
  }
  await db.insert(oc.return).values({
    orderId: orderIds[0]!, productId: 40, customerId, firstname: p.firstname, lastname: p.lastname, email: p.email, telephone: '+90 555 010 2030',
    product: 'iPhone', model: 'product 11', quantity: 1, opened: 0, returnReasonId: 1, returnActionId: 0, returnStatusId: 2, comment: `Call ${p.firstname}`,
    dateOrdered: '2026-01-15', dateAdded: NOW, dateModified: NOW,
  });
  const tenantId = shop.tenant.id;
  const payload = { orderNumber: `TY-${customerId}`, customer: { firstName: p.firstname, lastName: p.lastname, email: p.email } };
  const [delivery] = await mainDb
    .insert(webhookDeliveries)
    .values({ tenantId, accountId: 1, method: 'POST', headers: {}, rawBody: JSON.stringify(payload), receivedAt: new Date() })
    .$returningId();
  await mainDb.insert(webhookEvents).values({
    tenantId, accountId: 1, deliveryId: delivery!.id, marketplace: 'trendyol', type: 'order.created', externalId: `order-${customerId}`, priority: 0,
    payload, status: 'done', receivedAt: new Date(),
  });
  await mainDb.insert(marketplaceOrders).values({ tenantId, accountId: 1, marketplace: 'trendyol', externalOrderId: `TY-${customerId}`, ocOrderId: orderIds[0]! });
  await mainDb.insert(gdprConsents).values({ tenantId, email: p.email, customerId, purpose: 'marketing_email', action: 'granted', legalBasis: 'consent', source: 'import', ip: '198.51.100.7', userAgent: 'Mozilla/5.0 (test)' });
  return { customerId, orderIds, email: p.email, firstname: p.firstname, lastname: p.lastname };
}

/** The account row in the shop's own line: 4.0 has no fax, salt, cart, wishlist or address_id (see v4 mirror). */
async function insertCustomer(shop: TenantDb, line: VersionedTables, p: { email: string; firstname: string; lastname: string }): Promise<number> {
  const shared = {
    customerGroupId: 1, storeId: 0, languageId: 1, firstname: p.firstname, lastname: p.lastname, email: p.email, telephone: '+90 555 010 2030',
    password: 'x', newsletter: 1, customField: '', ip: '198.51.100.7', status: 1, safe: 0, token: '', code: '', dateAdded: NOW,
  };
  const [c] =
    line.version === '4.0'
      ? await shop.db.insert(line.oc.customer).values(shared).$returningId()
      : await shop.db.insert(line.oc.customer).values({ ...shared, fax: '', salt: 'y', cart: null, wishlist: null, addressId: 0 }).$returningId();
  return c!.customerId;
}

const TEXT_TYPES = ['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'json', 'longblob', 'blob', 'mediumblob'];

/** Every (table, column) of the database holding `needle` (case-insensitive): the full scan the erasure must pass. */
export async function scanDatabaseFor(db: Db, needle: string): Promise<string[]> {
  const columns = await selectRows(
    db,
    sql`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE() AND data_type IN (${sql.join(TEXT_TYPES.map((x) => sql`${x}`), sql`, `)})`,
    z.object({ t: z.string(), c: z.string() }),
  );
  const byTable = new Map<string, string[]>();
  for (const { t, c } of columns) byTable.set(t, [...(byTable.get(t) ?? []), c]);
  const hits: string[] = [];
  const pattern = `%${needle.toLowerCase()}%`;
  for (const [table, cols] of byTable) {
    const conditions = cols.map((c) => sql`LOWER(CONVERT(${sql.identifier(c)} USING utf8mb4)) LIKE ${pattern}`);
    const rows = await selectRows(db, sql`SELECT COUNT(*) AS n FROM ${sql.identifier(table)} WHERE ${sql.join(conditions, sql` OR `)}`, z.object({ n: z.coerce.number() }));
    if ((rows[0]?.n ?? 0) > 0) hits.push(table);
  }
  return hits;
}

/** Moves every OpenCart table of the test database to InnoDB (OpenCart 4's engine), for the second variant. */
export async function convertOpenCartTablesToInnoDb(db: Db, prefix: string): Promise<void> {
  const tables = await selectRows(
    db,
    sql`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND engine = 'MyISAM' AND table_name LIKE ${`${prefix}%`}`,
    z.object({ t: z.string() }),
  );
  for (const { t } of tables) await db.execute(sql`ALTER TABLE ${sql.identifier(t)} ENGINE=InnoDB`);
}

/** Whole-shop figures an erasure must leave alone: number of orders and their totals, lines and amounts. */
export async function orderFigures(shop: TenantDb) {
  const p = shop.tenant.prefix;
  const [row] = await selectRows(
    shop.db,
    sql`SELECT (SELECT COUNT(*) FROM ${sql.identifier(`${p}order`)}) AS orders,
               (SELECT COALESCE(SUM(total), 0) FROM ${sql.identifier(`${p}order`)}) AS total,
               (SELECT COUNT(*) FROM ${sql.identifier(`${p}order_product`)}) AS order_lines,
               (SELECT COALESCE(SUM(value), 0) FROM ${sql.identifier(`${p}order_total`)}) AS totals`,
    z.object({ orders: z.coerce.number(), total: z.coerce.string(), order_lines: z.coerce.number(), totals: z.coerce.string() }),
  );
  return row!;
}
