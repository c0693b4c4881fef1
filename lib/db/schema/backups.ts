import { bigint, boolean, datetime, index, int, json, mysqlEnum, mysqlTable, text, varchar } from 'drizzle-orm/mysql-core';
import { relations, sql } from 'drizzle-orm';
import { tenants } from './tenants';

/**
 * `succeeded` is a finished backup whose file was written and checked while writing (lib/monitoring reads
 * it as "good"); `bad` is one a later verify found corrupt; `failed` never finished.
 */
export const BACKUP_STATUSES = ['running', 'succeeded', 'failed', 'bad'] as const;
export type BackupStatus = (typeof BACKUP_STATUSES)[number];
export const BACKUP_KINDS = ['manual', 'scheduled'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** One table in a backup, as the manifest records it (see lib/backups/manifest.ts). */
export type BackupManifestTable = {
  name: string;
  /** `opencart` tables are dropped and recreated on restore; `companion` rows are replaced per tenant. */
  source: 'opencart' | 'companion';
  engine: string;
  /** MyISAM: read while a read lock held writers back, since it has no snapshot. */
  readLocked: boolean;
  rows: number;
  /** Bytes of SQL text written for the table (before compression). */
  bytes: number;
  checksum: string;
};

export type BackupManifest = {
  format: 1;
  tenantSlug: string;
  prefix: string;
  createdAt: string;
  /** How long MyISAM tables held writers back (ms); 0 when every table had a snapshot. */
  lockMs: number;
  tables: BackupManifestTable[];
};

/** One backup file of one tenant's shop tables and companion rows. */
export const backups = mysqlTable(
  'msc_backup',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true })
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: mysqlEnum('kind', BACKUP_KINDS).notNull(),
    status: mysqlEnum('status', BACKUP_STATUSES).notNull(),
    /** Name inside the store (BACKUP_DIR); empty until the file is complete. */
    fileName: varchar('file_name', { length: 255 }).notNull().default(''),
    encrypted: boolean('encrypted').notNull(),
    /** Size of the stored file (compressed, encrypted). */
    bytes: bigint('bytes', { mode: 'number', unsigned: true }).notNull().default(0),
    tablesTotal: int('tables_total').notNull().default(0),
    tablesDone: int('tables_done').notNull().default(0),
    rowsDone: bigint('rows_done', { mode: 'number', unsigned: true }).notNull().default(0),
    manifest: json('manifest').$type<BackupManifest>(),
    error: text('error'),
    requestedBy: varchar('requested_by', { length: 64 }).notNull(),
    startedAt: datetime('started_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    finishedAt: datetime('finished_at', { mode: 'date', fsp: 3 }),
    durationMs: int('duration_ms'),
    verifiedAt: datetime('verified_at', { mode: 'date', fsp: 3 }),
    /** The last restore that was checked row for row against the manifest. */
    restoreVerifiedAt: datetime('restore_verified_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [index('msc_backup_tenant_started_idx').on(t.tenantId, t.startedAt), index('msc_backup_tenant_status_idx').on(t.tenantId, t.status)],
);

export const BACKUP_RESTORE_STATUSES = ['running', 'verified', 'mismatch', 'failed'] as const;
export type BackupRestoreStatus = (typeof BACKUP_RESTORE_STATUSES)[number];

/** One restore of a backup into a database, with its progress and its check against the manifest. */
export const backupRestores = mysqlTable(
  'msc_backup_restore',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    backupId: bigint('backup_id', { mode: 'number', unsigned: true })
      .notNull()
      .references(() => backups.id, { onDelete: 'cascade' }),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true })
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    targetDatabase: varchar('target_database', { length: 64 }).notNull(),
    /** True when the tenant's own tables were replaced (an admin typed the confirmation). */
    overOwn: boolean('over_own').notNull(),
    status: mysqlEnum('status', BACKUP_RESTORE_STATUSES).notNull(),
    tablesTotal: int('tables_total').notNull().default(0),
    tablesDone: int('tables_done').notNull().default(0),
    rowsTotal: bigint('rows_total', { mode: 'number', unsigned: true }).notNull().default(0),
    rowsDone: bigint('rows_done', { mode: 'number', unsigned: true }).notNull().default(0),
    error: text('error'),
    requestedBy: varchar('requested_by', { length: 64 }).notNull(),
    startedAt: datetime('started_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    finishedAt: datetime('finished_at', { mode: 'date', fsp: 3 }),
    durationMs: int('duration_ms'),
  },
  (t) => [index('msc_backup_restore_backup_idx').on(t.backupId), index('msc_backup_restore_tenant_started_idx').on(t.tenantId, t.startedAt)],
);

/** How many backups the retention job keeps per tenant; a tenant without a row gets the defaults. */
export const backupSettings = mysqlTable('msc_backup_setting', {
  tenantId: bigint('tenant_id', { mode: 'number', unsigned: true })
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  keepDaily: int('keep_daily').notNull(),
  keepWeekly: int('keep_weekly').notNull(),
  updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
});

export const backupsRelations = relations(backups, ({ one, many }) => ({
  tenant: one(tenants, { fields: [backups.tenantId], references: [tenants.id] }),
  restores: many(backupRestores),
}));

export const backupRestoresRelations = relations(backupRestores, ({ one }) => ({
  backup: one(backups, { fields: [backupRestores.backupId], references: [backups.id] }),
}));

export type Backup = typeof backups.$inferSelect;
export type NewBackup = typeof backups.$inferInsert;
export type BackupRestore = typeof backupRestores.$inferSelect;
