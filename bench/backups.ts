/**
 * Our backup and restore beside mysqldump and the mysql client, on one database of demo OpenCart data.
 *   npx tsx bench/backups.ts [--customers 150000] [--months 48] [--keep-database NAME [--build-only]]
 * Builds a scratch database (OpenCart 3.0.4.1's install SQL from ../shared/opencart, the companion tables
 * and the demo generator at the given scale), then in the same run times: our backup (gzip and AES-256-GCM
 * on), `mysqldump --single-transaction` to a file (and, for the same work as ours, through `gzip -1`), our
 * restore into a new database (with its read-back check), and `mysql < dump.sql`. Prints sizes, times, ratios and the peak RSS of our backup and restore
 * (each runs in a child process of its own, timed inside it). Everything it made is dropped at the end.
 * `--keep-database NAME` keeps the scratch database and reuses it when it already exists; with
 * `--build-only` the run stops once it is built (building needs no quiet machine, the timings do).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import mysql from 'mysql2/promise';
import { z } from 'zod';
import { env } from '@/lib/env';
import { closeAllPools, getDb } from '@/lib/db/pool';
import { dropDatabase, ensureDatabase, ensureServer, parseDatabaseUrl, withDatabase } from '@/lib/db/server';
import { loadInstallSql } from '@/lib/db/opencart/install-sql';
import { ensureDefaultTenant, migrateCompanion, DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import { tenants } from '@/lib/db/schema';
import { generateDemoHistory } from '@/lib/demo/generate-demo-history';
import { localBackupStore } from '@/lib/backups/local-backup-store';
import { createBackup } from '@/lib/backups/create-backup';
import { restoreBackup } from '@/lib/backups/restore-backup';

const OPENCART_SQL = path.resolve(import.meta.dirname, '../../shared/opencart/opencart-3.0.4.1.sql');
const SAMPLE_EVERY_MS = 100;
const MIB = 1024 ** 2;

const argsSchema = z.object({
  customers: z.coerce.number().int().min(1).default(200_000),
  months: z.coerce.number().int().min(1).max(120).default(48),
  'keep-database': z.string().regex(/^[A-Za-z0-9_]{1,64}$/).optional(),
  'build-only': z.boolean().default(false),
});

/** Our backup and restore run in a child process of their own, so its peak RSS is theirs alone. */
const childSchema = z.object({
  child: z.enum(['backup', 'restore']),
  database: z.string().regex(/^[A-Za-z0-9_]{1,64}$/),
  dir: z.string(),
  key: z.string().regex(/^[0-9a-f]{64}$/),
  backup: z.coerce.number().int().optional(),
  into: z.string().regex(/^[A-Za-z0-9_]{1,64}$/).optional(),
});
const childResultSchema = z.object({ seconds: z.number(), peakRssMiB: z.number(), id: z.number(), bytes: z.number(), rows: z.number(), status: z.string() });
type ChildResult = z.infer<typeof childResultSchema>;

async function childMain(args: z.infer<typeof childSchema>) {
  try {
    await runOurs(args);
  } finally {
    await closeAllPools();
  }
}

async function runOurs(args: z.infer<typeof childSchema>) {
  const url = withDatabase(env().DATABASE_URL, args.database);
  const db = getDb(url);
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, DEFAULT_TENANT_SLUG));
  const deps = { mainDb: db, mainDatabaseUrl: url, config: { store: localBackupStore(args.dir), key: Buffer.from(args.key, 'hex') } };
  const started = performance.now();
  let result: Omit<ChildResult, 'seconds' | 'peakRssMiB'>;
  if (args.child === 'backup') {
    const b = await createBackup(deps, { tenant: tenant!, kind: 'manual', requestedBy: 'bench' });
    result = { id: b.id, bytes: b.bytes, rows: b.rowsDone, status: b.status };
  } else {
    const r = await restoreBackup(deps, { tenant: tenant!, backupId: args.backup!, target: { kind: 'new', database: args.into! }, requestedBy: 'bench' });
    result = { id: r.id, bytes: 0, rows: r.rowsDone, status: r.status };
  }
  const seconds = (performance.now() - started) / 1000;
  // maxRSS is in KiB: the most this process ever held, startup included.
  console.log(JSON.stringify({ ...result, seconds, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

function runChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', import.meta.filename, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench child exited with ${code}`));
      resolve(childResultSchema.parse(JSON.parse(out.trim().split('\n').pop()!)));
    });
  });
}

/** Peak RSS of this process while `work` runs. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRssMiB: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), SAMPLE_EVERY_MS);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakRssMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / MIB) };
  } finally {
    clearInterval(sampler);
  }
}

function clientArgs(url: string): string[] {
  const s = parseDatabaseUrl(url);
  return [`-h${s.host}`, `-P${s.port}`, `-u${s.user}`, ...(s.password ? [`-p${s.password}`] : [])];
}

/**
 * Runs a client with its stdin and stdout opened on files (no pipe through this process, which would
 * slow the client down); resolves when it exits 0.
 */
async function runClient(command: string, args: string[], io: { stdinFile?: string; stdoutFile?: string }): Promise<void> {
  const stdin = io.stdinFile ? await open(io.stdinFile, 'r') : null;
  const stdout = io.stdoutFile ? await open(io.stdoutFile, 'w') : null;
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, { stdio: [stdin?.fd ?? 'ignore', stdout?.fd ?? 'ignore', 'inherit'] });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
    });
  } finally {
    await stdin?.close();
    await stdout?.close();
  }
}

/** `mysqldump | gzip -1 > file`: the same work as ours (a compressed dump), as two processes. */
async function runDumpGzipped(dumpArgs: string[], outFile: string): Promise<void> {
  const out = await open(outFile, 'w');
  try {
    const dump = spawn('mysqldump', dumpArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    const gzip = spawn('gzip', ['-1'], { stdio: [dump.stdout, out.fd, 'inherit'] });
    const exited = (child: ReturnType<typeof spawn>, name: string) =>
      new Promise<void>((resolve, reject) => {
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}`))));
      });
    await Promise.all([exited(dump, 'mysqldump'), exited(gzip, 'gzip')]);
  } finally {
    await out.close();
  }
}

async function databaseBytes(url: string): Promise<number> {
  const conn = await mysql.createConnection({ uri: url });
  try {
    const [rows] = await conn.query('SELECT SUM(data_length + index_length) AS bytes FROM information_schema.tables WHERE table_schema = DATABASE()');
    return Number((rows as Array<{ bytes: string }>)[0]!.bytes);
  } finally {
    await conn.end();
  }
}

async function main() {
  const raw = parseArgs({
    options: {
      customers: { type: 'string' },
      months: { type: 'string' },
      'keep-database': { type: 'string' },
      'build-only': { type: 'boolean' },
      child: { type: 'string' },
      database: { type: 'string' },
      dir: { type: 'string' },
      key: { type: 'string' },
      backup: { type: 'string' },
      into: { type: 'string' },
    },
  }).values;
  if (raw.child) return childMain(childSchema.parse(raw));
  const args = argsSchema.parse(raw);
  if (args['build-only'] && !args['keep-database']) throw new Error('--build-only needs --keep-database NAME (else the database is dropped at once)');
  const serverUrl = env().DATABASE_URL;
  await ensureServer(serverUrl);
  const stamp = Date.now().toString(36);
  const name = args['keep-database'] ?? `mscbench_backup_${stamp}`;
  const url = withDatabase(serverUrl, name);
  const ourRestore = `mscbench_ours_${stamp}`;
  const clientRestore = `mscbench_client_${stamp}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'msc-bench-backups-'));
  const dumpFile = path.join(dir, 'mysqldump.sql');
  try {
    const existing = args['keep-database'] ? await databaseBytes(url).catch(() => 0) : 0;
    // A kept database gets the companion migrations made since it was built.
    if (existing) await migrateCompanion(url);
    else {
      await ensureDatabase(url);
      await loadInstallSql(url, OPENCART_SQL, 'oc_');
      const db = await migrateCompanion(url);
      await ensureDefaultTenant(db, 'oc_');
      const built = await measured(() => generateDemoHistory({ db: getDb(url), prefix: 'oc_', version: '3.0', customers: args.customers, months: args.months, seed: 1 }));
      console.log(`demo data: ${args.customers} customers, ${args.months} months, ${built.result.orders} orders, in ${built.seconds.toFixed(0)} s`);
    }
    const sizeMiB = (await databaseBytes(url)) / MIB;
    console.log(`database ${name}: ${sizeMiB.toFixed(0)} MiB (data + indexes, information_schema)`);
    if (args['build-only']) return;

    const key = randomBytes(32).toString('hex');
    const ours = await runChild(['--child', 'backup', '--database', name, '--dir', dir, '--key', key]);
    const dumpArgs = [...clientArgs(url), '--single-transaction', '--quick', name];
    const dump = await measured(() => runClient('mysqldump', dumpArgs, { stdoutFile: dumpFile }));
    const dumpBytes = (await stat(dumpFile)).size;
    const gzipped = await measured(() => runDumpGzipped(dumpArgs, `${dumpFile}.gz`));
    const gzippedBytes = (await stat(`${dumpFile}.gz`)).size;
    await rm(`${dumpFile}.gz`);
    const restored = await runChild(['--child', 'restore', '--database', name, '--dir', dir, '--key', key, '--backup', String(ours.id), '--into', ourRestore]);
    const mysqlClient = await measured(async () => {
      await runClient('mysql', [...clientArgs(url), '-e', `CREATE DATABASE ${clientRestore}`], {});
      await runClient('mysql', [...clientArgs(url), clientRestore], { stdinFile: dumpFile });
    });

    console.log(`rows backed up: ${ours.rows.toLocaleString('en')}; restore check: ${restored.status}`);
    console.table({
      'our backup (gzip + AES-256-GCM)': { seconds: ours.seconds.toFixed(1), 'file MiB': (ours.bytes / MIB).toFixed(0), 'peak RSS MiB': ours.peakRssMiB },
      'mysqldump --single-transaction': { seconds: dump.seconds.toFixed(1), 'file MiB': (dumpBytes / MIB).toFixed(0), 'peak RSS MiB': '' },
      'mysqldump ... | gzip -1': { seconds: gzipped.seconds.toFixed(1), 'file MiB': (gzippedBytes / MIB).toFixed(0), 'peak RSS MiB': '' },
      'our restore (+ read-back check)': { seconds: restored.seconds.toFixed(1), 'file MiB': '', 'peak RSS MiB': restored.peakRssMiB },
      'mysql < dump.sql': { seconds: mysqlClient.seconds.toFixed(1), 'file MiB': '', 'peak RSS MiB': '' },
    });
    console.log(`backup ratio (ours / mysqldump): ${(ours.seconds / dump.seconds).toFixed(2)}; beside mysqldump | gzip -1: ${(ours.seconds / gzipped.seconds).toFixed(2)}`);
    console.log(`restore ratio (ours / mysql client): ${(restored.seconds / mysqlClient.seconds).toFixed(2)}`);
  } finally {
    for (const db of [ourRestore, clientRestore]) await dropDatabase(withDatabase(serverUrl, db)).catch(() => undefined);
    if (!args['keep-database']) await dropDatabase(url);
    await rm(dir, { recursive: true, force: true });
    await closeAllPools();
  }
}

main().catch((err: Error) => {
  console.error(err);
  process.exitCode = 1;
});
