import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import mysql from 'mysql2/promise';

/** The oldest servers whose SKIP LOCKED and window functions the app relies on. */
export const MIN_MARIADB = [10, 6] as const;
export const MIN_MYSQL = [8, 0] as const;
const START_WAIT_MS = 30_000;
const MARIADBD = '/usr/sbin/mariadbd';

export type ServerUrlParts = { host: string; port: number; user: string; password: string; database: string };

export function parseDatabaseUrl(url: string): ServerUrlParts {
  const u = new URL(url);
  if (u.protocol !== 'mysql:') throw new Error(`Database URL must start with mysql:// (got ${u.protocol})`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
  };
}

/** The same URL pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function tryConnect(parts: ServerUrlParts) {
  const conn = await mysql.createConnection({
    host: parts.host,
    port: parts.port,
    user: parts.user,
    password: parts.password,
    connectTimeout: 3_000,
  });
  const [rows] = await conn.query('SELECT VERSION() AS version');
  await conn.end();
  return String((rows as Array<{ version: string }>)[0]?.version ?? '');
}

function isLocal(host: string) {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

function startLocalServer(): string | null {
  if (!existsSync(MARIADBD)) {
    return 'MariaDB is not installed. Install it with: apt-get install -y mariadb-server';
  }
  const asRoot = process.getuid?.() === 0;
  const child = asRoot
    ? spawn(MARIADBD, ['--user=mysql'], { detached: true, stdio: 'ignore' })
    : spawn('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', MARIADBD], {
        detached: true,
        stdio: 'ignore',
      });
  child.on('error', () => undefined);
  child.unref();
  return null;
}

function explain(err: unknown, parts: ServerUrlParts): string {
  const code = (err as { code?: string }).code ?? '';
  const where = `${parts.user}@${parts.host}:${parts.port}`;
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR') {
    return (
      `MariaDB answered on ${parts.host}:${parts.port} but refused ${where}. ` +
      `On a fresh Debian install root may only log in over the unix socket. Allow TCP logins with:\n` +
      `  mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD(''); FLUSH PRIVILEGES;"\n` +
      `or create a user and put it in DATABASE_URL (mysql://USER:PASSWORD@127.0.0.1:3306/DB).`
    );
  }
  return `Cannot reach MariaDB/MySQL at ${where} (${code || (err as Error).message}).`;
}

function versionIsSupported(version: string): boolean {
  const [major = 0, minor = 0] = version.split(/[.-]/).map((n) => Number(n));
  const min = /mariadb/i.test(version) ? MIN_MARIADB : MIN_MYSQL;
  return major > min[0] || (major === min[0] && minor >= min[1]);
}

/**
 * Makes sure a server answers at the URL: starts the local MariaDB when it is down and local,
 * and throws a message that says exactly what is missing otherwise.
 */
export async function ensureServer(url: string): Promise<string> {
  const parts = parseDatabaseUrl(url);
  let version: string;
  try {
    version = await tryConnect(parts);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== 'ECONNREFUSED' || !isLocal(parts.host)) throw new Error(explain(err, parts));
    const missing = startLocalServer();
    if (missing) throw new Error(missing);
    const deadline = Date.now() + START_WAIT_MS;
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      try {
        version = await tryConnect(parts);
        break;
      } catch (retryErr) {
        if (Date.now() > deadline) {
          throw new Error(
            `${explain(retryErr, parts)} Tried to start ${MARIADBD} and waited ${START_WAIT_MS / 1000}s. ` +
              `If the data directory is new, run: mariadb-install-db --user=mysql --datadir=/var/lib/mysql`,
          );
        }
      }
    }
  }
  if (!versionIsSupported(version)) {
    throw new Error(`Server version ${version} is too old: MesChain Sync needs MariaDB 10.6+ or MySQL 8.0+.`);
  }
  return version;
}

/** Creates the URL's database when missing (utf8mb4 for the companion tables). */
export async function ensureDatabase(url: string, opts: { recreate?: boolean; charset?: string } = {}) {
  const parts = parseDatabaseUrl(url);
  if (!/^[A-Za-z0-9_]{1,64}$/.test(parts.database)) {
    throw new Error(`Database name "${parts.database}" may hold letters, digits and _ only`);
  }
  const conn = await mysql.createConnection({ host: parts.host, port: parts.port, user: parts.user, password: parts.password });
  try {
    if (opts.recreate) await conn.query(`DROP DATABASE IF EXISTS \`${parts.database}\``);
    const charset = opts.charset ?? 'utf8mb4';
    const collate = charset === 'utf8' ? 'utf8_general_ci' : 'utf8mb4_unicode_ci';
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${parts.database}\` CHARACTER SET ${charset} COLLATE ${collate}`);
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(url: string) {
  const parts = parseDatabaseUrl(url);
  const conn = await mysql.createConnection({ host: parts.host, port: parts.port, user: parts.user, password: parts.password });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${parts.database}\``);
  } finally {
    await conn.end();
  }
}
