import type { Connection } from 'mysql2';
import { literalOf, quoteName } from './sql-literal';
import type { TablePlan } from './table-plan';

/** Rows the server sends ahead while one is handled; keeps memory flat whatever the table's size. */
const ROWS_IN_FLIGHT = 500;

/**
 * Reads a table's rows as SQL tuples `(1,'a',NULL)`, each value read as raw bytes and written by its
 * column's type (lib/backups/sql-literal.ts). Companion tables are read for one tenant only.
 */
export async function* readTableRows(conn: Connection, plan: TablePlan, tenantId: number): AsyncGenerator<string> {
  const kinds = new Map(plan.columns.map((c) => [c.name, c.kind]));
  const where = plan.source === 'companion' ? ` WHERE tenant_id = ${Number(tenantId)}` : '';
  const sql = `SELECT ${plan.columns.map((c) => quoteName(c.name)).join(', ')} FROM ${quoteName(plan.name)}${where}`;
  const query = conn.query({
    sql,
    rowsAsArray: true,
    typeCast: (field, _next) => literalOf(kinds.get(field.name) ?? 'text', field.buffer()),
  });
  for await (const row of query.stream({ highWaterMark: ROWS_IN_FLIGHT })) {
    yield `(${(row as string[]).join(',')})`;
  }
}
