import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import mysql from 'mysql2';
import type { Pool as PromisePool } from 'mysql2/promise';

export type Db = MySql2Database<Record<string, never>>;
export type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Domain functions that may run inside a caller's transaction accept either. */
export type DbOrTx = Db | Transaction;

const POOL_SIZE = 10;

type PoolEntry = { url: string; pool: mysql.Pool; db: Db; statementPool?: mysql.Pool; statementPromisePool?: PromisePool };
type PoolRegistry = Map<string, PoolEntry>;

// One pool per database URL, kept on globalThis so dev hot reload and a twice-bundled server reuse it.
const registryKey = Symbol.for('meschain.pools');
const globalWithPools = globalThis as typeof globalThis & { [registryKey]?: PoolRegistry };
function registry(): PoolRegistry {
  globalWithPools[registryKey] ??= new Map();
  return globalWithPools[registryKey];
}

export function createPool(url: string, connectionLimit = POOL_SIZE, extra: mysql.PoolOptions = {}): mysql.Pool {
  const pool = mysql.createPool({
    ...extra,
    uri: url,
    connectionLimit,
    // OpenCart writes zero dates ('0000-00-00') that a JS Date cannot hold: read dates as strings.
    dateStrings: true,
    timezone: 'Z',
    decimalNumbers: false,
    charset: 'utf8mb4',
    waitForConnections: true,
  });
  // OpenCart sets the session time zone to config_timezone (UTC by default) before NOW().
  pool.on('connection', (conn) => {
    conn.query("SET time_zone = '+00:00'");
  });
  return pool;
}

/** The Drizzle handle for a database URL; pools are created lazily and reused. */
export function getDb(url: string): Db {
  const reg = registry();
  let entry = reg.get(url);
  if (!entry) {
    const pool = createPool(url);
    entry = { url, pool, db: drizzle({ client: pool }) as Db };
    reg.set(url, entry);
  }
  return entry.db;
}

/**
 * A second, small pool for hot paths that need what the shared pool must not have: several
 * statements per round trip (MULTI_STATEMENTS) and affected-rows counts that say whether an
 * ON DUPLICATE KEY UPDATE inserted or found a row (no FOUND_ROWS). Only fixed statement texts with
 * `?` placeholders may be sent through it, never text built from input.
 */
export function getStatementBatchPool(db: Db): PromisePool {
  // Found by the handle's own pool: Next may bundle this module twice, but the registry is global.
  const client = (db as unknown as { $client?: unknown }).$client;
  const entry = [...registry().values()].find((e) => e.db === db || e.pool === client);
  if (!entry) throw new Error('getStatementBatchPool needs a handle from getDb (not a transaction)');
  if (!entry.statementPool) {
    entry.statementPool = createPool(entry.url, POOL_SIZE, { multipleStatements: true, flags: ['-FOUND_ROWS'] });
    // .promise() builds a new wrapper each call: keep one.
    entry.statementPromisePool = entry.statementPool.promise();
  }
  return entry.statementPromisePool!;
}

/** The raw promise pool, for what Drizzle cannot say (multi-statement loads, GET_LOCK). */
export function getPool(url: string): PromisePool {
  getDb(url);
  return registry().get(url)!.pool.promise();
}

export async function closePool(url: string) {
  const entry = registry().get(url);
  if (!entry) return;
  registry().delete(url);
  await Promise.all([entry.pool.end(), entry.statementPool?.end()]);
}

export async function closeAllPools() {
  const urls = [...registry().keys()];
  await Promise.all(urls.map(closePool));
}
