import mysql from 'mysql2/promise';
import { E2E_DATABASE, E2E_SERVER_URL } from './e2e-db';

export default async function globalTeardown() {
  const conn = await mysql.createConnection({ uri: E2E_SERVER_URL });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${E2E_DATABASE}\``);
  } finally {
    await conn.end();
  }
}
