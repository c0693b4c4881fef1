import { eq } from 'drizzle-orm';
import mysql from 'mysql2';
import { z } from 'zod';
import type { Readable } from 'node:stream';
import { backupRestores, backups, type BackupManifest, type BackupManifestTable, type BackupRestore, type Tenant } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { writeAudit } from '@/lib/audit/write-audit';
import { parseDatabaseUrl, withDatabase } from '@/lib/db/server';
import { tenantDatabaseUrl } from '@/lib/tenants/database-url';
import type { BackupDeps } from './create-backup';
import { takeBackupLock } from './backup-lock';
import { checkedEvents, findBackupFileProblem } from './check-backup-file';
import { checksumTable } from './dump-tables';
import { ProgressWriter } from './progress-writer';
import { BackupFileError, openBackupText, readBackupStatements } from './read-backup-file';
import { openReadConnection } from './snapshot-dump';
import { quoteName } from './sql-literal';
import { planTablesNamed } from './table-plan';
import { getTenantBackup } from './verify-backup';

export const databaseNameSchema = z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'a database name is 1 to 64 letters, digits or _');

export type RestoreTarget = { kind: 'new'; database: string } | { kind: 'own'; confirm: string };
export type RestoreInput = { tenant: Tenant; backupId: number; target: RestoreTarget; requestedBy: string; actorUserId?: number | null };

async function databaseExists(conn: mysql.Connection, name: string): Promise<boolean> {
  const [rows] = await conn.promise().query('SELECT schema_name FROM information_schema.schemata WHERE schema_name = ?', [name]);
  return (rows as unknown[]).length > 0;
}

/**
 * Restores a backup into a new database on the shop's server (the default) or, with the shop's slug
 * typed as confirmation, over the shop's own tables and companion rows. Rows are checked against the
 * manifest while they are read; a file that fails that check is never left restored (a new database is
 * dropped; over the shop's own tables, the whole file is verified before anything is touched). Then
 * every restored table is read back and compared with the manifest: `verified` or `mismatch`.
 */
export type StartedRestore = { id: number; finish: () => Promise<BackupRestore> };

export async function restoreBackup(deps: BackupDeps, input: RestoreInput): Promise<BackupRestore> {
  const started = await startRestore(deps, input);
  return started.finish();
}

/** The checks, the lock, the new database and the restore row; `finish` applies the file and compares. */
export async function startRestore(deps: BackupDeps, input: RestoreInput): Promise<StartedRestore> {
  const { mainDb, config } = deps;
  const { tenant } = input;
  const backup = await getTenantBackup(mainDb, tenant.id, input.backupId);
  if (backup.status !== 'succeeded' || !backup.manifest) {
    throw new ServiceError('CONFLICT', `Backup ${backup.id} cannot be restored: it is ${backup.status === 'bad' ? 'marked bad' : backup.status}.`);
  }
  const manifest = backup.manifest;
  const shopUrl = tenantDatabaseUrl(tenant, deps.mainDatabaseUrl);
  const overOwn = input.target.kind === 'own';
  if (input.target.kind === 'own' && input.target.confirm !== tenant.slug) {
    throw new ServiceError('BAD_REQUEST', `To restore over the shop's own tables, type its slug "${tenant.slug}" as confirmation.`);
  }
  const database = input.target.kind === 'new' ? databaseNameSchema.parse(input.target.database) : parseDatabaseUrl(shopUrl).database;
  const targetUrl = withDatabase(shopUrl, database);

  const lock = await takeBackupLock(deps.mainDatabaseUrl, tenant.id);
  const admin = openReadConnection(shopUrl);
  let createdDatabase = false;
  let restoreId: number | null = null;
  const cleanUp = async (err: unknown) => {
    if (createdDatabase) await admin.promise().query(`DROP DATABASE IF EXISTS ${quoteName(database)}`);
    if (err instanceof BackupFileError) {
      await mainDb.update(backups).set({ status: 'bad', error: `Restore found the file bad: ${err.message}`.slice(0, 2000) }).where(eq(backups.id, backup.id));
    }
    if (restoreId !== null) {
      await mainDb.update(backupRestores).set({ status: 'failed', error: (err as Error).message.slice(0, 2000), finishedAt: new Date() }).where(eq(backupRestores.id, restoreId));
    }
    admin.destroy();
    await lock.release();
    if (err instanceof BackupFileError) throw new ServiceError('CONFLICT', `Backup ${backup.id} is bad and was not restored: ${err.message}`, { cause: err });
    throw err;
  };
  try {
    if (overOwn) {
      const problem = await findBackupFileProblem(config, backup);
      if (problem) {
        await mainDb.update(backups).set({ status: 'bad', error: `Verify before restore failed: ${problem}`.slice(0, 2000) }).where(eq(backups.id, backup.id));
        throw new ServiceError('CONFLICT', `Backup ${backup.id} is bad and was not restored: ${problem}`);
      }
    } else {
      if (await databaseExists(admin, database)) throw new ServiceError('CONFLICT', `Database ${database} already exists; restore into a new database name.`);
      await admin.promise().query(`CREATE DATABASE ${quoteName(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      createdDatabase = true;
    }
    const [inserted] = await mainDb
      .insert(backupRestores)
      .values({
        backupId: backup.id,
        tenantId: tenant.id,
        targetDatabase: database,
        overOwn,
        status: 'running',
        tablesTotal: manifest.tables.length,
        rowsTotal: manifest.tables.reduce((n, t) => n + t.rows, 0),
        requestedBy: input.requestedBy.slice(0, 64),
      })
      .$returningId();
    restoreId = inserted!.id;
    await writeAudit(mainDb, {
      action: overOwn ? 'backup.restore_over_own' : 'backup.restore',
      actor: { userId: input.actorUserId ?? null, username: input.requestedBy },
      tenantId: tenant.id,
      target: { type: 'backup', id: backup.id },
      after: { restoreId, database },
    });
  } catch (err) {
    return cleanUp(err);
  }
  const id = restoreId;
  return {
    id,
    finish: async () => {
      try {
        const startedAt = Date.now();
        const mismatches = await applyBackup(deps, { tenant, backup: { ...backup, manifest }, targetUrl, overOwn, restoreId: id });
        const finishedAt = new Date();
        const status = mismatches.length === 0 ? ('verified' as const) : ('mismatch' as const);
        await mainDb
          .update(backupRestores)
          .set({ status, error: mismatches.length ? mismatches.join('; ').slice(0, 2000) : null, finishedAt, durationMs: finishedAt.getTime() - startedAt })
          .where(eq(backupRestores.id, id));
        if (status === 'verified') await mainDb.update(backups).set({ restoreVerifiedAt: finishedAt }).where(eq(backups.id, backup.id));
        const [row] = await mainDb.select().from(backupRestores).where(eq(backupRestores.id, id));
        admin.destroy();
        await lock.release();
        return row!;
      } catch (err) {
        return cleanUp(err);
      }
    },
  };
}

type ApplyInput = { tenant: Tenant; backup: { fileName: string; encrypted: boolean; manifest: BackupManifest }; targetUrl: string; overOwn: boolean; restoreId: number };

/**
 * Connections that load tables at the same time. The server loads one table per connection on one
 * core (as it does for `mysql < dump.sql`); a second connection puts the other core of a small server to
 * work. Each reads the whole file and applies its own tables, passing over the others' statements.
 */
export const RESTORE_LANES = 2;

/**
 * The file's 1 MB INSERTs are sent as statements of about this many characters: each lives as a string
 * while it is built and sent, and strings this small are collected young (see read-backup-file.ts).
 */
export const RESTORE_STATEMENT_CHARS = 60 * 1024;

/** Shares the tables out by their size in the manifest, biggest first, each to the lane with the fewest bytes so far. */
export function planRestoreLanes(manifest: BackupManifest, lanes: number): Array<Set<string>> {
  const plan = Array.from({ length: lanes }, () => ({ tables: new Set<string>(), bytes: 0 }));
  for (const table of [...manifest.tables].sort((a, b) => b.bytes - a.bytes)) {
    // Companion rows go to the main database, on the first lane's second connection.
    const lane = table.source === 'companion' ? plan[0]! : plan.reduce((least, l) => (l.bytes < least.bytes ? l : least));
    lane.tables.add(table.name);
    lane.bytes += table.bytes;
  }
  return plan.map((l) => l.tables);
}

/** Loads the file on RESTORE_LANES connections, checking every table against the manifest as soon as it is loaded. */
async function applyBackup(deps: BackupDeps, input: ApplyInput): Promise<string[]> {
  const companionElsewhere = input.overOwn && input.targetUrl !== deps.mainDatabaseUrl;
  const checker = new RestoreChecker(input.targetUrl, companionElsewhere ? deps.mainDatabaseUrl : input.targetUrl, input.tenant.id);
  const progress = new ProgressWriter<{ tablesDone: number; rowsDone: number }>(async (p) => {
    await deps.mainDb.update(backupRestores).set(p).where(eq(backupRestores.id, input.restoreId));
  });
  const done = { tables: 0, rows: 0 };
  const companionTables = new Set(input.backup.manifest.tables.filter((t) => t.source === 'companion').map((t) => t.name));
  const lanes = planRestoreLanes(input.backup.manifest, RESTORE_LANES).map(
    (tables) => new RestoreLane(deps, input, tables, companionElsewhere && [...tables].some((name) => companionTables.has(name))),
  );
  try {
    await Promise.all(
      lanes.map((lane) =>
        lane
          .run({
            onRows: (rows) => progress.report({ rowsDone: (done.rows += rows) }),
            onTable: (table) => {
              progress.report({ tablesDone: ++done.tables, rowsDone: done.rows });
              checker.check(table);
            },
          })
          .catch((err: unknown) => {
            // One lane failing stops the others: their connections close and their reads end.
            for (const other of lanes) other.close();
            throw err;
          }),
      ),
    );
    progress.report({ tablesDone: done.tables, rowsDone: done.rows }, true);
    await progress.flush();
    return await checker.finish();
  } finally {
    for (const lane of lanes) lane.close();
    checker.close();
  }
}

/** One connection (two when its companion rows go to the main database) applying its share of the file's tables. */
class RestoreLane {
  private readonly target: mysql.Connection;
  private readonly companion: mysql.Connection;
  private text: Readable | null = null;

  constructor(
    private readonly deps: BackupDeps,
    private readonly input: ApplyInput,
    private readonly tables: Set<string>,
    private readonly companionElsewhere: boolean,
  ) {
    this.target = openReadConnection(input.targetUrl);
    this.companion = companionElsewhere ? openReadConnection(deps.mainDatabaseUrl) : this.target;
  }

  /** Runs the lane's statements, one in flight while the next is parsed. */
  async run(on: { onRows: (rows: number) => void; onTable: (table: BackupManifestTable) => void }) {
    const { manifest } = this.input.backup;
    this.text = openBackupText(await this.deps.config.store.openRead(this.input.backup.fileName), this.deps.config.key, this.input.backup.encrypted);
    let inFlight: Promise<unknown> = Promise.resolve();
    try {
      // No checksums while reading: gzip's CRC and the cipher's tags catch a damaged file, and every table is
      // read back and compared with the manifest as soon as it is loaded.
      const events = readBackupStatements(this.text, { checksums: false, skip: (table) => !this.tables.has(table.name), statementChars: RESTORE_STATEMENT_CHARS });
      for await (const event of checkedEvents(events, manifest)) {
        if (event.type === 'table-end' && this.tables.has(event.table.name)) {
          await inFlight;
          on.onTable(manifest.tables.find((t) => t.name === event.table.name)!);
        }
        if (event.type !== 'statement') continue;
        await inFlight;
        if (event.rows) on.onRows(event.rows);
        if (event.table === null && this.companionElsewhere) {
          // Session settings (names, time zone, key checks) apply to both connections.
          await this.companion.promise().query(event.sql);
          inFlight = this.target.promise().query(event.sql);
        } else {
          const conn = event.table?.source === 'companion' ? this.companion : this.target;
          inFlight = conn.promise().query(event.sql);
        }
      }
      await inFlight;
    } finally {
      await inFlight.catch(() => undefined);
    }
  }

  close() {
    this.text?.destroy();
    this.target.destroy();
    if (this.companion !== this.target) this.companion.destroy();
  }
}

/**
 * Reads each restored table back, the way a backup reads it, as soon as it is complete, on connections
 * of its own: the check of one table overlaps the loading of the next.
 */
class RestoreChecker {
  private readonly target: mysql.Connection;
  private readonly companion: mysql.Connection;
  private chain: Promise<void> = Promise.resolve();
  private readonly mismatches: string[] = [];

  constructor(targetUrl: string, companionUrl: string, private readonly tenantId: number) {
    this.target = openReadConnection(targetUrl);
    this.companion = companionUrl === targetUrl ? this.target : openReadConnection(companionUrl);
  }

  check(expected: BackupManifest['tables'][number]) {
    this.chain = this.chain.then(async () => {
      const conn = expected.source === 'companion' ? this.companion : this.target;
      const [plan] = await planTablesNamed(conn.promise(), [expected.name], expected.source);
      if (!plan) {
        this.mismatches.push(`${expected.name} is missing`);
        return;
      }
      const actual = await checksumTable(conn, plan, this.tenantId);
      if (actual.rows !== expected.rows) this.mismatches.push(`${expected.name}: ${actual.rows} rows, ${expected.rows} expected`);
      else if (actual.checksum !== expected.checksum) this.mismatches.push(`${expected.name}: checksum differs`);
    });
  }

  async finish(): Promise<string[]> {
    await this.chain;
    return this.mismatches;
  }

  close() {
    this.chain.catch(() => undefined);
    this.target.destroy();
    if (this.companion !== this.target) this.companion.destroy();
  }
}
