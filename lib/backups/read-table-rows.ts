import type { Connection } from 'mysql2';
import { literalOf, quoteName } from './sql-literal';
import type { TablePlan } from './table-plan';

/** Rows the server sends ahead while one is handled; keeps memory flat whatever the table's size. */
const ROWS_IN_FLIGHT = 500;

/**
 * Reads a table's rows as SQL tuples `(1,'a',NULL)`, each value written by its column's type
 * (lib/backups/sql-literal.ts). The connection must read dates, big numbers, decimals and JSON as the
 * server's text (lib/backups/snapshot-dump.ts opens it so). Companion tables are read for one tenant only.
 */
export async function* readTableRows(conn: Connection, plan: TablePlan, tenantId: number): AsyncGenerator<string> {
  const kinds = plan.columns.map((c) => c.kind);
  const width = kinds.length;
  const where = plan.source === 'companion' ? ` WHERE tenant_id = ${Number(tenantId)}` : '';
  const sql = `SELECT ${plan.columns.map((c) => quoteName(c.name)).join(', ')} FROM ${quoteName(plan.name)}${where}`;
  const query = conn.query({ sql, rowsAsArray: true });
  for await (const row of query.stream({ highWaterMark: ROWS_IN_FLIGHT })) {
    const values = row as unknown[];
    let tuple = '(';
    for (let i = 0; i < width; i++) tuple += (i === 0 ? '' : ',') + literalOf(kinds[i]!, values[i]);
    yield `${tuple})`;
  }
}
