import mysql from 'mysql2/promise';

export const E2E_DATABASE = process.env.E2E_DATABASE ?? 'msce2e_app';
export const E2E_SERVER_URL = 'mysql://root@127.0.0.1:3306/';
export const E2E_ADMIN = { username: 'e2e-admin', password: 'e2e-password-1' };

/** A direct connection to the database the app under test reads, to check its figures. */
export async function connectE2eDatabase() {
  return mysql.createConnection({ uri: `${E2E_SERVER_URL}${E2E_DATABASE}`, dateStrings: true, timezone: 'Z' });
}
