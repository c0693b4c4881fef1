import type { Connection } from 'mysql2';
import type { BackupManifestTable } from '@/lib/db/schema';
import { insertPrefix, tableEpilogue, tablePrologue } from './backup-format';
import { readTableTuples } from './read-table-rows';
import { RowChecksum } from './row-checksum';
import type { TablePlan } from './table-plan';
import type { TextSink } from './text-sink';

/** One INSERT statement holds rows up to about this much SQL text (well under max_allowed_packet). */
export const INSERT_BATCH_BYTES = 1024 * 1024;

export type DumpProgress = { tablesDone: number; rowsDone: number };

/** Writes one table (schema, rows in multi-row INSERTs, markers) and returns its manifest entry. */
export async function dumpTable(
  conn: Connection,
  plan: TablePlan,
  input: { tenantId: number; readLocked: boolean; sink: TextSink; onRows: (rows: number) => void },
): Promise<BackupManifestTable> {
  const { sink } = input;
  const startBytes = sink.bytes;
  await sink.write(tablePrologue({ ...plan, tenantId: input.tenantId }));
  const checksum = new RowChecksum();
  await readTableTuples(conn, plan, input.tenantId, {
    prefix: insertPrefix(plan.name),
    suffix: ';\n',
    bytes: INSERT_BATCH_BYTES,
    checksum,
    onBatch: (statement, rows) => {
      const waiting = sink.writeBytes(statement);
      input.onRows(rows);
      return waiting;
    },
  });
  const end = { name: plan.name, rows: checksum.rows, bytes: sink.bytes - startBytes, checksum: checksum.hex() };
  await sink.write(tableEpilogue(plan.source, end));
  return { name: plan.name, source: plan.source, engine: plan.engine, readLocked: input.readLocked, rows: end.rows, bytes: end.bytes, checksum: end.checksum };
}

/** Checksums of a table as it is now (after a restore), read the same way a backup reads it. */
export async function checksumTable(conn: Connection, plan: TablePlan, tenantId: number): Promise<{ rows: number; checksum: string }> {
  const checksum = new RowChecksum();
  await readTableTuples(conn, plan, tenantId, { prefix: '', suffix: '', bytes: INSERT_BATCH_BYTES, checksum });
  return { rows: checksum.rows, checksum: checksum.hex() };
}
