import mysql from 'mysql2/promise';
import { ensureServer } from '@/lib/db/server';
import { STALE_TEST_DATABASE_MS, TEST_DATABASE_PREFIX, TEST_SERVER_URL, testDatabaseCreatedAt } from './harness';

/** Checks MariaDB answers (starting it if needed) and drops test databases left by a crashed run. */
export default async function setup() {
  await ensureServer(TEST_SERVER_URL);
  const conn = await mysql.createConnection({ uri: TEST_SERVER_URL });
  try {
    const [rows] = await conn.query('SHOW DATABASES');
    for (const row of rows as Array<{ Database: string }>) {
      if (!row.Database.startsWith(TEST_DATABASE_PREFIX)) continue;
      const createdAt = testDatabaseCreatedAt(row.Database);
      if (createdAt === null || Date.now() - createdAt > STALE_TEST_DATABASE_MS) {
        await conn.query(`DROP DATABASE IF EXISTS \`${row.Database}\``);
      }
    }
  } finally {
    await conn.end();
  }
}
