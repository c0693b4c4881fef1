import mysql from 'mysql2/promise';

export const E2E_DATABASE = process.env.E2E_DATABASE ?? 'msce2e_app';
/** A second shop whose OpenCart tables carry another prefix, served by the same build on another port. */
export const E2E_PREFIXED_DATABASE = 'msce2e_shop';
export const E2E_PREFIXED_PREFIX = 'shop_';
export const E2E_PREFIXED_URL = 'http://127.0.0.1:3101';
export const E2E_SERVER_URL = 'mysql://root@127.0.0.1:3306/';
export const E2E_ADMIN = { username: 'e2e-admin', password: 'e2e-password-1' };

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
