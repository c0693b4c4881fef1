import mysql from 'mysql2/promise';
import { ensureServer } from '@/lib/db/server';
import { TEST_DATABASE_PREFIX, TEST_SERVER_URL } from './harness';

/** Checks MariaDB answers (starting it if needed) and drops databases left by a crashed run. */
export default async function setup() {
  await ensureServer(TEST_SERVER_URL);
  const conn = await mysql.createConnection({ uri: TEST_SERVER_URL });
  try {
    const [rows] = await conn.query('SHOW DATABASES');
    for (const row of rows as Array<{ Database: string }>) {
      if (row.Database.startsWith(TEST_DATABASE_PREFIX)) await conn.query(`DROP DATABASE \`${row.Database}\``);
    }
  } finally {
    await conn.end();
  }
}
