import mysql from 'mysql2';
import type { BackupManifestTable } from '@/lib/db/schema';
import { dumpTable } from './dump-tables';
import { quoteName } from './sql-literal';
import { planCompanionTables, planOpenCartTables, type TablePlan } from './table-plan';
import type { TextSink } from './text-sink';

const CONNECT_TIMEOUT_MS = 10_000;

export type SnapshotInput = {
  /** Where the shop's OpenCart tables are. */
  shopUrl: string;
  /** Where the companion tables are (the main database). */
  mainUrl: string;
  prefix: string;
  tenantId: number;
  sink: TextSink;
  onTablesPlanned: (count: number) => void;
  onProgress: (progress: { tablesDone: number; rowsDone: number }) => void;
};

export type SnapshotResult = { tables: BackupManifestTable[]; lockMs: number };

/**
 * A connection that reads values as the backup writes them: dates, DECIMAL, BIGINT and JSON as the
 * server's own text (no JavaScript Date or float in between), text in utf8mb4, UTC.
 */
export function openReadConnection(url: string): mysql.Connection {
  const conn = mysql.createConnection({
    uri: url,
    charset: 'utf8mb4',
    connectTimeout: CONNECT_TIMEOUT_MS,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    jsonStrings: true,
    timezone: 'Z',
  });
  // Queued before anything the caller sends: TIMESTAMP values are read and written in UTC.
  conn.query("SET time_zone = '+00:00'", (err) => {
    // The next query on the connection fails with the same cause; this keeps the error from being unhandled.
    if (err) console.error('backups: setting the session time zone failed', err.message);
  });
  return conn;
}

async function startSnapshot(conn: mysql.Connection) {
  const p = conn.promise();
  await p.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
  await p.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
}

/**
 * Reads every table of one shop as of one moment. InnoDB tables are read in a consistent snapshot and
 * never block writers. MyISAM tables (most of OpenCart 3) have no snapshot: a second connection takes
 * READ LOCAL locks on them before the snapshot starts and reads them itself (holding the locks, so a
 * writer queued behind them cannot hold its reads up), then unlocks. Writers to MyISAM tables wait that
 * long (the manifest records it; appends may even go on, unseen), and both kinds show the same moment.
 */
export async function dumpSnapshot(input: SnapshotInput): Promise<SnapshotResult> {
  const shop = openReadConnection(input.shopUrl);
  const sameDatabase = input.shopUrl === input.mainUrl;
  const main = sameDatabase ? shop : openReadConnection(input.mainUrl);
  let locker: mysql.Connection | null = null;
  try {
    const opencart = await planOpenCartTables(shop.promise(), input.prefix);
    const companion = await planCompanionTables(main.promise());
    input.onTablesPlanned(opencart.length + companion.length);
    const lockedFirst = (plans: TablePlan[]) => [...plans.filter((p) => p.engine !== 'InnoDB'), ...plans.filter((p) => p.engine === 'InnoDB')];
    const ordered = lockedFirst(opencart);
    const locked = ordered.filter((p) => p.engine !== 'InnoDB');

    let lockStarted = 0;
    if (locked.length > 0) {
      locker = openReadConnection(input.shopUrl);
      await locker.promise().query(`LOCK TABLES ${locked.map((p) => `${quoteName(p.name)} READ LOCAL`).join(', ')}`);
      lockStarted = performance.now();
    }
    await startSnapshot(shop);
    if (!sameDatabase) await startSnapshot(main);

    const tables: BackupManifestTable[] = [];
    let rowsDone = 0;
    const onRows = (rows: number) => {
      rowsDone += rows;
      input.onProgress({ tablesDone: tables.length, rowsDone });
    };
    let lockMs = 0;
    const releaseLock = async () => {
      if (!locker) return;
      await locker.promise().query('UNLOCK TABLES');
      await locker.promise().end();
      locker = null;
      lockMs = Math.round(performance.now() - lockStarted);
    };
    for (const plan of ordered) {
      const readLocked = plan.engine !== 'InnoDB';
      if (!readLocked) await releaseLock();
      const reader = readLocked ? locker! : shop;
      tables.push(await dumpTable(reader, plan, { tenantId: input.tenantId, readLocked, sink: input.sink, onRows }));
      input.onProgress({ tablesDone: tables.length, rowsDone });
    }
    await releaseLock();
    for (const plan of companion) {
      tables.push(await dumpTable(main, plan, { tenantId: input.tenantId, readLocked: false, sink: input.sink, onRows }));
      input.onProgress({ tablesDone: tables.length, rowsDone });
    }
    await shop.promise().query('COMMIT');
    if (!sameDatabase) await main.promise().query('COMMIT');
    return { tables, lockMs };
  } finally {
    (locker as mysql.Connection | null)?.destroy();
    shop.destroy();
    if (!sameDatabase) main.destroy();
  }
}
