import mysql from 'mysql2/promise';

export const E2E_DATABASE = process.env.E2E_DATABASE ?? 'msce2e_app';
/** A second shop whose OpenCart tables carry another prefix, served by the same build on another port. */
export const E2E_PREFIXED_DATABASE = 'msce2e_shop';
export const E2E_PREFIXED_PREFIX = 'shop_';
export const E2E_PREFIXED_URL = 'http://127.0.0.1:3101';
/** An OpenCart 4.0.2.3 shop as its installer leaves it (InnoDB, bcrypt admins), served by the same build on another port. */
export const E2E_OC4_DATABASE = 'msce2e_oc4';
export const E2E_OC4_URL = 'http://127.0.0.1:3102';
export const E2E_SERVER_URL = 'mysql://root@127.0.0.1:3306/';
export const E2E_ADMIN = { username: 'e2e-admin', password: 'e2e-password-1' };
/** In OpenCart's Demonstration group (scripts/e2e-server.sh, oc_ shop only): a viewer of the default shop. */
export const E2E_VIEWER = { username: 'e2e-viewer', password: 'e2e-password-2' };

/** A direct connection to the database the app under test reads, to check its figures. */
export async function connectE2eDatabase(database = E2E_DATABASE) {
  return mysql.createConnection({ uri: `${E2E_SERVER_URL}${database}`, dateStrings: true, timezone: 'Z' });
}

type Period = { orders: number; revenue: string };
export type SalesFigures = Record<'today' | 'last7Days' | 'last30Days', Period>;

/** The overview's three figures, straight from the order table with OpenCart's own status lists. */
export async function salesFromDatabase(database = E2E_DATABASE, prefix = 'oc_'): Promise<SalesFigures> {
  const conn = await connectE2eDatabase(database);
  try {
    const [settings] = await conn.query(
      `SELECT \`value\` FROM \`${prefix}setting\` WHERE store_id = 0 AND \`key\` IN ('config_processing_status', 'config_complete_status')`,
    );
    const statuses = [...new Set((settings as Array<{ value: string }>).flatMap((r) => JSON.parse(r.value) as string[]).map(Number))];
    const period = async (days: number): Promise<Period> => {
      const [rows] = await conn.query(
        `SELECT COUNT(*) AS orders, CAST(COALESCE(ROUND(SUM(total), 2), 0) AS CHAR) AS revenue FROM \`${prefix}order\`
         WHERE store_id = 0 AND order_status_id IN (?) AND date_added >= UTC_DATE() - INTERVAL ? DAY`,
        [statuses, days - 1],
      );
      const row = (rows as Array<{ orders: number; revenue: string }>)[0]!;
      return { orders: Number(row.orders), revenue: Number(row.revenue).toFixed(2) };
    };
    return { today: await period(1), last7Days: await period(7), last30Days: await period(30) };
  } finally {
    await conn.end();
  }
}

/**
 * The `generic` (Standard Webhooks) account scripts/e2e-server.sh adds to the oc_ shop. The secret is
 * fixed so the spec can sign pushes; it exists only in the e2e database. SKUs match OpenCart's model,
 * because OpenCart's sample products have models ("Product 15") and empty SKUs.
 */
export const E2E_WEBHOOK_ACCOUNT = {
  name: 'E2E generic shop',
  secret: 'whsec_NYSO+MlJ4U4JRrfPtSElxrtgXO+95jAcpa8V7x6PTFA=',
} as const;

/**
 * A Trendyol account whose API calls go to a fake Trendyol that e2e/sync.spec.ts starts on this port (not
 * 4190: fetch refuses a few ports, that one among them)
 * (scripts/fake-marketplaces); its products match by OpenCart's model.
 */
export const E2E_SYNC_ACCOUNT = { name: 'E2E Trendyol', fakePort: 4180 } as const;

async function queryRows<T>(sql: string, params: unknown[], database = E2E_DATABASE): Promise<T[]> {
  const conn = await connectE2eDatabase(database);
  try {
    const [rows] = await conn.query(sql, params);
    return rows as T[];
  } finally {
    await conn.end();
  }
}

export async function webhookAccountId(name: string = E2E_WEBHOOK_ACCOUNT.name): Promise<number> {
  const [row] = await queryRows<{ id: number }>('SELECT id FROM msc_marketplace_account WHERE name = ?', [name]);
  if (!row) throw new Error(`No marketplace account "${name}" in ${E2E_DATABASE}: did scripts/e2e-server.sh add it?`);
  return Number(row.id);
}

/** The id of the event stored for a pushed event's external id, once ingest has stored it. */
export async function webhookEventId(accountId: number, externalId: string): Promise<number | null> {
  const [row] = await queryRows<{ id: number }>('SELECT id FROM msc_webhook_event WHERE account_id = ? AND external_id = ?', [
    accountId,
    externalId,
  ]);
  return row ? Number(row.id) : null;
}

export type OpenCartOrderLine = { orderId: number; productId: number; model: string; quantity: number };

/** The OpenCart order lines made for a marketplace order, found through msc_marketplace_order; empty until it exists. */
export async function openCartOrderLines(accountId: number, externalOrderId: string, prefix = 'oc_'): Promise<OpenCartOrderLine[]> {
  const rows = await queryRows<{ orderId: number; productId: number; model: string; quantity: number }>(
    `SELECT o.order_id AS orderId, op.product_id AS productId, op.model, op.quantity
     FROM msc_marketplace_order mo
     JOIN \`${prefix}order\` o ON o.order_id = mo.oc_order_id
     JOIN \`${prefix}order_product\` op ON op.order_id = o.order_id
     WHERE mo.account_id = ? AND mo.external_order_id = ?`,
    [accountId, externalOrderId],
  );
  return rows.map((r) => ({ orderId: Number(r.orderId), productId: Number(r.productId), model: r.model, quantity: Number(r.quantity) }));
}

/** An enabled product of store 0 whose model no other product shares, so an account matching on model finds just it. */
export async function productWithUniqueModel(prefix = 'oc_'): Promise<{ id: number; model: string }> {
  const [row] = await queryRows<{ id: number; model: string }>(
    `SELECT MIN(p.product_id) AS id, p.model FROM \`${prefix}product\` p
     JOIN \`${prefix}product_to_store\` s ON s.product_id = p.product_id AND s.store_id = 0
     WHERE p.status = 1 AND p.model <> '' GROUP BY p.model HAVING COUNT(*) = 1 ORDER BY id LIMIT 1`,
    [],
  );
  if (!row) throw new Error(`No product with a model of its own in ${E2E_DATABASE}`);
  return { id: Number(row.id), model: row.model };
}
