import type { TransformOptions } from 'node:stream';
import { createGzip, type ZlibOptions } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { backups, type Backup, type BackupKind, type BackupManifest, type Tenant } from '@/lib/db/schema';
import { assertBackupWithinQuota } from '@/lib/quotas/assert-within-quota';
import { QuotaExceededError } from '@/lib/quotas/quota-exceeded-error';
import { writeAudit } from '@/lib/audit/write-audit';
import { tenantDatabaseUrl } from '@/lib/tenants/database-url';
import { fileFooter, fileHeader, FORMAT_VERSION } from './backup-format';
import type { BackupConfig } from './backup-config';
import { takeBackupLock } from './backup-lock';
import { createEncryptStream } from './chunked-cipher';
import { dumpSnapshot } from './snapshot-dump';
import { TextSink } from './text-sink';
import { ProgressWriter } from './progress-writer';

/** Fast gzip: on a busy machine level 1 keeps compression from being slower than reading the rows. */
export const BACKUP_GZIP_LEVEL = 1;
/**
 * SQL the gzip stream holds before the reader waits: a few INSERT batches, so rows are read and encoded
 * while the last batch is compressed (on libuv's thread pool) instead of taking turns with it.
 */
export const GZIP_QUEUE_BYTES = 4 * 1024 * 1024;
/** Compressed output in large chunks: fewer callbacks through encryption and the file. */
const GZIP_CHUNK_BYTES = 256 * 1024;

export type BackupDeps = { mainDb: Db; mainDatabaseUrl: string; config: BackupConfig };
export type CreateBackupInput = { tenant: Tenant; kind: BackupKind; requestedBy: string; actorUserId?: number | null };

/** Bytes a tenant's backups hold in the store (every row with a file counts, good or bad). */
export async function storedBackupBytes(db: Db, tenantId: number): Promise<number> {
  const [row] = await db
    .select({ bytes: sql<string | null>`SUM(${backups.bytes})` })
    .from(backups)
    .where(and(eq(backups.tenantId, tenantId), ne(backups.fileName, '')));
  return Number(row?.bytes ?? 0);
}

/** The new file's size is not known until written: the last good backup's size is the measured guess. */
async function estimatedBackupBytes(db: Db, tenantId: number): Promise<number> {
  const [last] = await db
    .select({ bytes: backups.bytes })
    .from(backups)
    .where(and(eq(backups.tenantId, tenantId), eq(backups.status, 'succeeded')))
    .orderBy(desc(backups.startedAt))
    .limit(1);
  return last?.bytes ?? 0;
}

function fileNameOf(tenant: Tenant, id: number, startedAt: Date, encrypted: boolean): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${tenant.slug}/${stamp}-${id}.sql.gz${encrypted ? '.enc' : ''}`;
}

/** The operator's wording of a refused backup (pages use the quota's own localized text). */
export function backupQuotaMessage(err: QuotaExceededError): string {
  const mb = (n: number) => `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `Backup storage is full: backups use ${mb(err.used)} of the ${mb(err.limit)} quota and the next one needs about ${mb(err.requested)}. Delete old backups or ask for a larger quota.`;
}

/** A backup whose row exists and whose lock is held; `finish` writes the file (and always releases the lock). */
export type StartedBackup = { id: number; finish: () => Promise<Backup> };

/**
 * Starts a backup of one shop: takes the shop's backup lock, checks the backup storage quota
 * (QuotaExceededError over it) and creates the row, so a page can answer with the id at once and
 * write the file after the response.
 */
export async function startBackup(deps: BackupDeps, input: CreateBackupInput): Promise<StartedBackup> {
  const { mainDb, config } = deps;
  const tenantId = input.tenant.id;
  const lock = await takeBackupLock(deps.mainDatabaseUrl, tenantId);
  try {
    // We hold the shop's lock: a row still 'running' belongs to a process that died.
    await mainDb
      .update(backups)
      .set({ status: 'failed', error: 'The process running this backup stopped before it finished.', finishedAt: new Date() })
      .where(and(eq(backups.tenantId, tenantId), eq(backups.status, 'running')));
    await config.store.removeIncomplete(input.tenant.slug);

    const encrypted = config.key !== null;
    const id = await mainDb.transaction(async (tx) => {
      await assertBackupWithinQuota(tx, tenantId, {
        storedBytes: await storedBackupBytes(mainDb, tenantId),
        estimatedBytes: await estimatedBackupBytes(mainDb, tenantId),
      });
      const [row] = await tx.insert(backups).values({ tenantId, kind: input.kind, status: 'running', encrypted, requestedBy: input.requestedBy.slice(0, 64) }).$returningId();
      return row!.id;
    });
    return {
      id,
      finish: async () => {
        try {
          return await writeBackupFile(deps, input, id, encrypted);
        } finally {
          await lock.release();
        }
      },
    };
  } catch (err) {
    await lock.release();
    throw err;
  }
}

/**
 * Backs up one shop: its OpenCart tables (by prefix) and companion rows, from one consistent moment,
 * as SQL, gzip-compressed and (with a key) encrypted, written under a temporary name that is renamed
 * only once complete. Refused over the backup storage quota. Returns the finished row.
 */
export async function createBackup(deps: BackupDeps, input: CreateBackupInput): Promise<Backup> {
  const started = await startBackup(deps, input);
  return started.finish();
}

async function writeBackupFile(deps: BackupDeps, input: CreateBackupInput, id: number, encrypted: boolean): Promise<Backup> {
  const { mainDb, config } = deps;
  const { tenant } = input;
  const startedAt = new Date();
  const fileName = fileNameOf(tenant, id, startedAt, encrypted);
  const file = await config.store.create(fileName);
  const progress = new ProgressWriter(async (p: { tablesTotal?: number; tablesDone?: number; rowsDone?: number }) => {
    await mainDb.update(backups).set(p).where(eq(backups.id, id));
  });
  // zlib streams take the stream options too (Node's ZlibBase passes them to Transform); the typings list zlib's only.
  const gzipOptions: ZlibOptions & TransformOptions = { level: BACKUP_GZIP_LEVEL, chunkSize: GZIP_CHUNK_BYTES, writableHighWaterMark: GZIP_QUEUE_BYTES };
  const gzip = createGzip(gzipOptions);
  try {
    const written = encrypted ? pipeline(gzip, createEncryptStream(config.key!), file.stream) : pipeline(gzip, file.stream);
    const sink = new TextSink(gzip);
    const dumped = (async () => {
      await sink.write(fileHeader(tenant.slug, startedAt));
      const snapshot = await dumpSnapshot({
        shopUrl: tenantDatabaseUrl(tenant, deps.mainDatabaseUrl),
        mainUrl: deps.mainDatabaseUrl,
        prefix: tenant.tablePrefix,
        tenantId: tenant.id,
        sink,
        onTablesPlanned: (tablesTotal) => progress.report({ tablesTotal }),
        onProgress: (p) => progress.report(p),
      });
      const manifest: BackupManifest = { format: FORMAT_VERSION, tenantSlug: tenant.slug, prefix: tenant.tablePrefix, createdAt: startedAt.toISOString(), lockMs: snapshot.lockMs, tables: snapshot.tables };
      await sink.write(fileFooter(manifest));
      await sink.end();
      return manifest;
    })();
    const [manifest] = await Promise.all([dumped, written]);
    const bytes = await file.commit();
    await progress.flush();
    const finishedAt = new Date();
    const rowsDone = manifest.tables.reduce((n, t) => n + t.rows, 0);
    await mainDb
      .update(backups)
      .set({ status: 'succeeded', fileName, bytes, manifest, tablesDone: manifest.tables.length, rowsDone, finishedAt, durationMs: finishedAt.getTime() - startedAt.getTime() })
      .where(eq(backups.id, id));
    await writeAudit(mainDb, {
      action: 'backup.create',
      actor: { userId: input.actorUserId ?? null, username: input.requestedBy },
      tenantId: tenant.id,
      target: { type: 'backup', id },
      after: { fileName, bytes, kind: input.kind },
    });
    const [row] = await mainDb.select().from(backups).where(eq(backups.id, id));
    return row!;
  } catch (err) {
    gzip.destroy();
    await file.discard();
    await progress.flush().catch((e: unknown) => console.error(`backups: progress of backup ${id} not saved`, e));
    const finishedAt = new Date();
    await mainDb
      .update(backups)
      .set({ status: 'failed', error: (err as Error).message.slice(0, 2000), finishedAt, durationMs: finishedAt.getTime() - startedAt.getTime() })
      .where(eq(backups.id, id));
    throw err;
  }
}
