import mysql from 'mysql2/promise';
import { E2E_DATABASE, E2E_OC4_DATABASE, E2E_PREFIXED_DATABASE, E2E_SERVER_URL } from './e2e-db';

export default async function globalTeardown() {
  const conn = await mysql.createConnection({ uri: E2E_SERVER_URL });
  try {
    for (const db of [E2E_DATABASE, E2E_PREFIXED_DATABASE, E2E_OC4_DATABASE]) await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
  } finally {
    await conn.end();
  }
}
