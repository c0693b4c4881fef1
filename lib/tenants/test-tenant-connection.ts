import mysql from 'mysql2/promise';
import { getTableName } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/mysql2';
import { buildOpenCart4Tables, buildOpenCartTables, type OpenCartVersion } from '@/lib/db/opencart';
import { detectOpenCartVersion, type VersionMarker } from '@/lib/opencart-version/detect-opencart-version';

/** A connection test gives up after this long: the admin is waiting on the page. */
export const CONNECTION_TEST_TIMEOUT_MS = 5_000;
/** How many missing table names an answer lists (a wrong prefix misses them all). */
const MISSING_SHOWN = 8;

export type ConnectionProblem =
  | 'invalid_url'
  | 'unreachable'
  | 'timeout'
  | 'access_denied'
  | 'unknown_database'
  | 'missing_tables'
  | 'unknown_version'
  | 'failed';

export type ConnectionTestResult =
  | { ok: true; serverVersion: string; tableCount: number; opencartVersion: OpenCartVersion }
  | { ok: false; problem: ConnectionProblem; detail: string; missing?: string[]; missingCount?: number; found?: VersionMarker[] };

/**
 * The OpenCart tables the app reads and writes, named with the prefix (the project's mirror of them):
 * 3.0's, or 4.0's (which adds oc_address_format and oc_gdpr).
 */
export function requiredOpenCartTables(prefix: string, version: OpenCartVersion = '3.0'): string[] {
  const tables = version === '4.0' ? buildOpenCart4Tables(prefix) : buildOpenCartTables(prefix);
  return Object.values(tables).map((table) => getTableName(table));
}

function problemOf(err: unknown): ConnectionProblem {
  const code = (err as { code?: unknown }).code;
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR' || code === 'ER_HOST_NOT_PRIVILEGED') {
    return 'access_denied';
  }
  if (code === 'ER_BAD_DB_ERROR') return 'unknown_database';
  if (code === 'ETIMEDOUT' || code === 'PROTOCOL_SEQUENCE_TIMEOUT') return 'timeout';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'EAI_AGAIN') return 'unreachable';
  return 'failed';
}

/**
 * Checks that a shop's database answers and holds OpenCart's tables with the prefix, naming what is
 * missing, and which OpenCart line they are (lib/opencart-version). Opens one connection of its own (never a pooled one), closes it, and never says the URL or
 * its password back: only the server's error text, which names the user and host at most.
 */
export async function testTenantConnection(databaseUrl: string, prefix: string): Promise<ConnectionTestResult> {
  let conn: mysql.Connection;
  try {
    conn = await mysql.createConnection({ uri: databaseUrl, connectTimeout: CONNECTION_TEST_TIMEOUT_MS });
  } catch (err) {
    if (err instanceof TypeError) return { ok: false, problem: 'invalid_url', detail: 'The URL cannot be read.' };
    return { ok: false, problem: problemOf(err), detail: (err as Error).message.slice(0, 300) };
  }
  try {
    const [versionRows] = await conn.query({ sql: 'SELECT VERSION() AS version, DATABASE() AS db', timeout: CONNECTION_TEST_TIMEOUT_MS });
    const { version, db } = (versionRows as Array<{ version: string; db: string | null }>)[0]!;
    if (!db) return { ok: false, problem: 'unknown_database', detail: 'The URL names no database.' };
    const detected = await detectOpenCartVersion(drizzle({ client: conn }), prefix);
    const required = requiredOpenCartTables(prefix, detected.version ?? '3.0');
    const [rows] = await conn.query({
      sql: 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN (?)',
      values: [required],
      timeout: CONNECTION_TEST_TIMEOUT_MS,
    });
    const found = new Set((rows as Array<{ name: string }>).map((r) => r.name));
    const missing = required.filter((name) => !found.has(name));
    if (missing.length > 0) {
      return {
        ok: false,
        problem: 'missing_tables',
        detail: `${missing.length} of ${required.length} OpenCart tables with the prefix "${prefix}" are missing in ${db}.`,
        missing: missing.slice(0, MISSING_SHOWN),
        missingCount: missing.length,
      };
    }
    if (!detected.version) {
      return {
        ok: false,
        problem: 'unknown_version',
        detail: `The tables with the prefix "${prefix}" fit neither OpenCart 3.0 nor 4.0; found: ${detected.found.join(', ')}.`,
        found: detected.found,
      };
    }
    return { ok: true, serverVersion: version, tableCount: required.length, opencartVersion: detected.version };
  } catch (err) {
    return { ok: false, problem: problemOf(err), detail: (err as Error).message.slice(0, 300) };
  } finally {
    await conn.end().catch((err: unknown) => console.warn('tenants: closing a test connection failed', err));
  }
}
