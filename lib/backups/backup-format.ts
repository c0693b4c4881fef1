import { z } from 'zod';
import type { BackupManifest } from '@/lib/db/schema';
import { quoteName } from './sql-literal';

/**
 * The backup file is plain SQL the `mysql` client runs as it is. Lines starting `-- msc-` are comments
 * to the client and markers to us: where a table starts and ends (with its row count and checksum) and,
 * as the very last line, the manifest. A file without that last line was cut short.
 */
export const TABLE_START_MARKER = '-- msc-table ';
export const TABLE_END_MARKER = '-- msc-end-table ';
export const MANIFEST_MARKER = '-- msc-manifest ';
export const FORMAT_VERSION = 1;

export const tableStartSchema = z.object({ name: z.string(), source: z.enum(['opencart', 'companion']) });
export type TableStart = z.infer<typeof tableStartSchema>;
export const tableEndSchema = z.object({ name: z.string(), rows: z.number().int().min(0), bytes: z.number().int().min(0), checksum: z.string() });
export type TableEnd = z.infer<typeof tableEndSchema>;

export const manifestSchema = z.object({
  format: z.literal(FORMAT_VERSION),
  tenantSlug: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lockMs: z.number(),
  tables: z.array(
    z.object({
      name: z.string(),
      source: z.enum(['opencart', 'companion']),
      engine: z.string(),
      readLocked: z.boolean(),
      rows: z.number().int().min(0),
      bytes: z.number().int().min(0),
      checksum: z.string(),
    }),
  ),
}) satisfies z.ZodType<BackupManifest>;

/** Session settings mysqldump also sets: zero dates load, keys are checked once at the end, times are UTC. */
export function fileHeader(tenantSlug: string, createdAt: Date): string {
  return [
    `-- MesChain Sync backup of shop "${tenantSlug.replace(/[\r\n]/g, '')}", ${createdAt.toISOString()}, format ${FORMAT_VERSION}`,
    '-- Restore: gunzip -c FILE | mysql DATABASE (unencrypted files), or npm run cli -- backup:restore ID --into DATABASE',
    'SET NAMES utf8mb4;',
    "SET time_zone = '+00:00';",
    "SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO';",
    'SET FOREIGN_KEY_CHECKS = 0;',
    'SET UNIQUE_CHECKS = 0;',
    '',
  ].join('\n');
}

export function fileFooter(manifest: BackupManifest): string {
  return `SET FOREIGN_KEY_CHECKS = 1;\nSET UNIQUE_CHECKS = 1;\n${MANIFEST_MARKER}${JSON.stringify(manifest)}\n`;
}

/**
 * OpenCart tables are replaced whole; companion tables hold every tenant's rows, so only this tenant's
 * rows are replaced and the table is created only where it is missing (a new database).
 */
export function tablePrologue(table: TableStart & { createSql: string; tenantId: number }): string {
  const name = quoteName(table.name);
  const lines = [`${TABLE_START_MARKER}${JSON.stringify({ name: table.name, source: table.source })}`];
  if (table.source === 'opencart') {
    // As mysqldump does: one write lock per table spares MyISAM a key-cache flush after every INSERT.
    lines.push(`DROP TABLE IF EXISTS ${name};`, `${table.createSql};`, `LOCK TABLES ${name} WRITE;`, `/*!40000 ALTER TABLE ${name} DISABLE KEYS */;`);
  } else {
    lines.push(`${table.createSql.replace(/^CREATE TABLE/, 'CREATE TABLE IF NOT EXISTS')};`, `DELETE FROM ${name} WHERE tenant_id = ${table.tenantId};`);
  }
  return `${lines.join('\n')}\n`;
}

export function tableEpilogue(source: TableStart['source'], end: TableEnd): string {
  const keys = source === 'opencart' ? `/*!40000 ALTER TABLE ${quoteName(end.name)} ENABLE KEYS */;\nUNLOCK TABLES;\n` : '';
  return `${keys}${TABLE_END_MARKER}${JSON.stringify(end)}\n`;
}

export function insertPrefix(table: string): string {
  return `INSERT INTO ${quoteName(table)} VALUES\n`;
}
