import type { Connection } from 'mysql2';
import { RowChecksum } from './row-checksum';
import { quoteName } from './sql-literal';
import type { TablePlan } from './table-plan';
import { TupleEncoder, type BatchFrame, type RowPacket, type WireField } from './tuple-encoder';

/**
 * mysql2's query command is a state machine whose `row` state turns each row packet into JavaScript
 * values. mysql2 has no public way to read a row's bytes, so the reader takes that state over for its
 * own query: each packet goes to the TupleEncoder, and the end of the result set goes back to mysql2.
 */
type RowState = (this: unknown, packet: RowPacket & { isEOF(): boolean }, connection: { pause(): void; resume(): void }) => unknown;
type RawRowQuery = { row: RowState; on(event: 'fields', listener: (fields: WireField[]) => void): void; on(event: 'error', listener: (err: Error) => void): void; on(event: 'end', listener: () => void): void };

export type TupleBatches = BatchFrame & {
  checksum: RowChecksum;
  /**
   * Each batch of tuples with its row count; when it returns a promise (its sink is full), reading pauses
   * until it settles. Without it the batches are dropped (only the checksum is wanted).
   */
  onBatch?: (batch: Buffer, rows: number) => Promise<void> | void;
};

/**
 * Reads a table's rows as SQL tuples `(1,'a',NULL)` in batches of about `bytes`, each value written by its
 * column's type (lib/backups/tuple-encoder.ts), and adds each tuple to `checksum`. Memory stays flat
 * whatever the table's size: one batch, and what the socket holds while reading is paused. The
 * connection must read dates, big numbers, decimals and JSON as the server's text (openReadConnection).
 * Companion tables are read for one tenant only.
 */
export function readTableTuples(conn: Connection, plan: TablePlan, tenantId: number, batches: TupleBatches): Promise<void> {
  const kinds = plan.columns.map((c) => c.kind);
  const where = plan.source === 'companion' ? ` WHERE tenant_id = ${Number(tenantId)}` : '';
  const sql = `SELECT ${plan.columns.map((c) => quoteName(c.name)).join(', ')} FROM ${quoteName(plan.name)}${where}`;
  const { checksum } = batches;
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      reject(err);
    };
    let encoder: TupleEncoder | null = null;
    const query = conn.query({ sql }) as unknown as RawRowQuery;
    query.on('fields', (fields) => {
      encoder = new TupleEncoder(kinds, fields, batches);
    });
    const mysql2Row = query.row;
    query.row = function tupleRow(packet, connection) {
      if (packet.isEOF()) return mysql2Row.call(this, packet, connection);
      const tuples = encoder!;
      if (failed) return tupleRow;
      try {
        tuples.encodeRow(packet);
        if (tuples.rowIsAscii) checksum.addAscii(tuples.out, tuples.rowStart, tuples.pos);
        else checksum.addUtf8(tuples.out, tuples.rowStart, tuples.pos, tuples.rowUnits);
        if (!tuples.full) return tupleRow;
        if (!batches.onBatch) {
          tuples.discard();
          return tupleRow;
        }
        const rows = tuples.rows;
        const waiting = batches.onBatch(tuples.take(), rows);
        if (waiting) {
          connection.pause();
          waiting.then(() => connection.resume(), fail);
        }
      } catch (err) {
        fail(err);
      }
      return tupleRow;
    };
    query.on('error', fail);
    query.on('end', () => {
      if (failed) return;
      if (!encoder || encoder.rows === 0 || !batches.onBatch) return resolve();
      const rows = encoder.rows;
      Promise.resolve(batches.onBatch(encoder.take(), rows)).then(() => resolve(), fail);
    });
  });
}
