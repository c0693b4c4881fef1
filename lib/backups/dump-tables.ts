import type { Connection } from 'mysql2';
import type { BackupManifestTable } from '@/lib/db/schema';
import { insertPrefix, tableEpilogue, tablePrologue } from './backup-format';
import { forEachTableRow } from './read-table-rows';
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
  let batch: string[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const statement = `${insertPrefix(plan.name)}${batch.join(',\n')};\n`;
    const rows = batch.length;
    batch = [];
    batchBytes = 0;
    await sink.write(statement);
    input.onRows(rows);
  };
  await forEachTableRow(conn, plan, input.tenantId, (row) => {
    checksum.add(row);
    batch.push(row);
    batchBytes += row.length;
    return batchBytes >= INSERT_BATCH_BYTES ? flush() : undefined;
  });
  await flush();
  const end = { name: plan.name, rows: checksum.rows, bytes: 0, checksum: checksum.hex() };
  end.bytes = sink.bytes - startBytes;
  await sink.write(tableEpilogue(plan.source, end));
  return { name: plan.name, source: plan.source, engine: plan.engine, readLocked: input.readLocked, rows: end.rows, bytes: end.bytes, checksum: end.checksum };
}

/** Checksums of a table as it is now (after a restore), read the same way a backup reads it. */
export async function checksumTable(conn: Connection, plan: TablePlan, tenantId: number): Promise<{ rows: number; checksum: string }> {
  const checksum = new RowChecksum();
  await forEachTableRow(conn, plan, tenantId, (row) => checksum.add(row));
  return { rows: checksum.rows, checksum: checksum.hex() };
}
