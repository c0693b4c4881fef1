import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/lib/db/pool';
import { assertOpenCartPrefix, type OpenCartVersion } from '@/lib/db/opencart';
import { selectRows } from '@/lib/orders/raw-sql';

/**
 * Columns only one line has, all in tables every install has. OpenCart keeps no version number in its
 * database (it lives in index.php), so the tables themselves say which mirror fits.
 */
export const VERSION_MARKERS = {
  '4.0': [
    { table: 'gdpr', column: 'gdpr_id' },
    { table: 'product', column: 'master_id' },
    { table: 'order', column: 'subscription_id' },
  ],
  '3.0': [
    { table: 'order', column: 'payment_code' },
    { table: 'product', column: 'viewed' },
  ],
} as const satisfies Record<OpenCartVersion, ReadonlyArray<{ table: string; column: string }>>;

export type VersionMarker = `${string}.${string}`;
export type DetectedVersion = {
  /** null: the tables fit neither line (another prefix, a half-finished upgrade, a heavily modified shop). */
  version: OpenCartVersion | null;
  /** The markers found, as `table.column` without the prefix, for a message that says why. */
  found: VersionMarker[];
};

const markerName = (m: { table: string; column: string }): VersionMarker => `${m.table}.${m.column}`;

/**
 * 4.0 when every 4.0 marker is there and no 3.0 one; 3.0 when every 3.0 marker is there and neither of 4.0's
 * changed columns (a 3.0 GDPR extension may have added a gdpr table of its own); null otherwise.
 */
export function versionFromMarkers(found: ReadonlySet<VersionMarker>): OpenCartVersion | null {
  const has = (m: { table: string; column: string }) => found.has(markerName(m));
  const v4 = VERSION_MARKERS['4.0'];
  const v3 = VERSION_MARKERS['3.0'];
  if (v4.every(has) && !v3.some(has)) return '4.0';
  if (v3.every(has) && !v4.filter((m) => m.table !== 'gdpr').some(has)) return '3.0';
  return null;
}

/** Reads the markers of the shop whose tables carry `prefix` in the database `db` is connected to. */
export async function detectOpenCartVersion(db: DbOrTx, prefix: string): Promise<DetectedVersion> {
  assertOpenCartPrefix(prefix);
  const markers = [...VERSION_MARKERS['4.0'], ...VERSION_MARKERS['3.0']];
  const conditions = markers.map((m) => sql`(TABLE_NAME = ${prefix + m.table} AND COLUMN_NAME = ${m.column})`);
  const rows = await selectRows(
    db,
    sql`SELECT TABLE_NAME AS tableName, COLUMN_NAME AS columnName FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE() AND (${sql.join(conditions, sql` OR `)})`,
    z.object({ tableName: z.string(), columnName: z.string() }),
  );
  // information_schema compares names case-insensitively on some servers: keep only exact matches.
  const found = markers
    .filter((m) => rows.some((r) => r.tableName === prefix + m.table && r.columnName === m.column))
    .map(markerName);
  return { version: versionFromMarkers(new Set(found)), found };
}
