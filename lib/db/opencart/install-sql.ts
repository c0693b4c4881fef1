import { readFile } from 'node:fs/promises';
import mysql from 'mysql2/promise';

/** OpenCart's own session mode: its 3.0.3.8 SQL does not load in strict mode. */
export const OPENCART_SQL_MODE = 'NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';

/**
 * Rewrites the literal `oc_` prefix the way OpenCart's installer does: only at the start of
 * DROP TABLE, CREATE TABLE and INSERT INTO lines (the other occurrences sit in comments), and of the
 * LOCK TABLES and ALTER TABLE … KEYS lines a mysqldump of an installed shop (4.0.2.3's) adds.
 */
export function rewriteInstallSqlPrefix(sql: string, prefix: string): string {
  if (prefix === 'oc_') return sql;
  if (!/^[A-Za-z0-9_]{0,32}$/.test(prefix)) throw new Error(`Invalid table prefix "${prefix}"`);
  return sql
    .replace(/^DROP TABLE IF EXISTS `oc_/gm, `DROP TABLE IF EXISTS \`${prefix}`)
    .replace(/^CREATE TABLE `oc_/gm, `CREATE TABLE \`${prefix}`)
    .replace(/^INSERT INTO `oc_/gm, `INSERT INTO \`${prefix}`)
    .replace(/^LOCK TABLES `oc_/gm, `LOCK TABLES \`${prefix}`)
    .replace(/^\/\*!40000 ALTER TABLE `oc_/gm, `/*!40000 ALTER TABLE \`${prefix}`);
}

/** Loads an OpenCart install SQL file (3.0.4.1's opencart.sql, or 4.0.2.3's installed dump) into the URL's database. */
export async function loadInstallSql(url: string, file: string, prefix = 'oc_') {
  // Separator lines made only of dashes are skipped by OpenCart's installer and the mysql client;
  // the server itself reads them as a syntax error.
  const raw = (await readFile(file, 'utf8')).replace(/^---+\s*$/gm, '');
  const sql = rewriteInstallSqlPrefix(raw, prefix);
  const conn = await mysql.createConnection({ uri: url, multipleStatements: true, charset: 'utf8mb4' });
  try {
    await conn.query(`SET SESSION sql_mode = '${OPENCART_SQL_MODE}'`);
    await conn.query(sql);
  } catch (err) {
    const e = err as { sqlMessage?: string; message: string };
    throw new Error(`Loading ${file} failed: ${e.sqlMessage ?? e.message}`, { cause: err });
  } finally {
    await conn.end();
  }
}
