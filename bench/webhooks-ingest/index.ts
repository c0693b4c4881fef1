/**
 * Webhook ingest under load: the built app beside a bare node:http baseline doing the same verified
 * insert, both driven on loopback with signed Standard Webhooks requests; then a check that every
 * accepted event was stored once.
 *   npx tsx bench/webhooks-ingest/index.ts [--rate 500] [--seconds 10] [--connections 20]
 * Targets (2-core machine): at 500 requests/s p99 under 50 ms; throughput at least 60% of the baseline.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { and, count, eq, like } from 'drizzle-orm';
import { z } from 'zod';
import { createBenchShop } from '../lib/bench-shop';
import { dropDatabase } from '@/lib/db/server';
import { closeAllPools } from '@/lib/db/pool';
import { webhookEvents } from '@/lib/db/schema';
import { startBaseline } from './baseline-server';
import { runAtFixedRate, runMaxThroughput } from './load';
import { signer, stopProcessGroup, waitForHealth } from '../lib/app-process';

const argsSchema = z.object({
  rate: z.coerce.number().int().min(1).max(5_000).default(500),
  seconds: z.coerce.number().int().min(1).max(120).default(10),
  connections: z.coerce.number().int().min(1).max(512).default(20),
  /** Skip phases while investigating (e.g. --phases max-app); the full run is what docs/benchmarks.md records. */
  phases: z
    .string()
    .default('rate-app,rate-base,max-app,max-base')
    .transform((v) => new Set(v.split(',')))
    .pipe(z.set(z.enum(['rate-app', 'rate-base', 'max-app', 'max-base']))),
});
const APP_PORT = 3210;
const WARM_UP_SECONDS = 5;
const BENCH_QUOTA_LIMIT = 100_000_000;
type Phase = 'rate-app' | 'rate-base' | 'max-app' | 'max-base';
type CpuUse = { server: number; database: number };
const MS_PER_CLOCK_TICK = 10; // Linux USER_HZ is 100

/** User + system CPU in ms of the given processes, from /proc (Linux). */
function cpuTicks(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended: its time is gone with it
    }
  }
  return ticks * MS_PER_CLOCK_TICK;
}

function processGroupPids(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === pgid;
      } catch {
        return false;
      }
    });
}

function mariadbPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return /^(mariadbd|mysqld)$/.test(readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
      } catch {
        return false;
      }
    });
}
const BENCH_DIST_DIR = '.next-bench';
const READY_TIMEOUT_MS = 60_000;

const ms = (v: number) => `${v.toFixed(1)} ms`;

async function main() {
  const args = argsSchema.parse(
    parseArgs({ options: { rate: { type: 'string' }, seconds: { type: 'string' }, connections: { type: 'string' }, phases: { type: 'string' } } }).values,
  );
  // The quotas stay on (their counting is part of each push's cost) with limits above the bench's load.
  const { url, db, keyText, tenant, account, secret } = await createBenchShop('wh', BENCH_QUOTA_LIMIT);
  let app: ChildProcess | undefined;
  try {
    // Its own build directory, so a running app or e2e build is left alone.
    const buildEnv = { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR };
    if (!existsSync(`${BENCH_DIST_DIR}/BUILD_ID`) || process.env.BENCH_REBUILD !== '0') {
      console.log('Building the app for the bench (next build)…');
      if (spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: buildEnv }).status !== 0) throw new Error('next build failed');
    }
    const appUrl = `http://127.0.0.1:${APP_PORT}`;
    // next's own binary, not npx, so the pid we stop is the server's.
    // BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" shows where the app's time goes.
    const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
    app = spawn(process.execPath, [...nodeArgs, 'node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', String(APP_PORT)], {
      env: {
        ...buildEnv,
        WEBHOOK_APPLY_AFTER_INGEST: process.env.WEBHOOK_APPLY_AFTER_INGEST ?? 'true', DATABASE_URL: url, APP_ENCRYPTION_KEY: keyText, AUTH_SECRET: randomBytes(24).toString('hex') },
      stdio: 'ignore',
      detached: true,
    });
    await waitForHealth(appUrl, READY_TIMEOUT_MS);
    const baseline = await startBaseline({ databaseUrl: url, tenantId: tenant.id, accountId: account.id, secret });
    const appPath = `/api/webhooks/generic/${account.id}`;

    // Warm both (JIT, pools) before measuring.
    // A few thousand requests each, so the measured phases run JIT-compiled code with warm pools, as a live server does.
    await runMaxThroughput({ baseUrl: appUrl, connections: args.connections, durationSeconds: WARM_UP_SECONDS, makeRequest: signer(secret, appPath, 'warm-app') });
    await runMaxThroughput({ baseUrl: baseline.url, connections: args.connections, durationSeconds: WARM_UP_SECONDS, makeRequest: signer(secret, '/', 'warm-base') });

    const appPid = app.pid!;
    const phase = async <T,>(name: Phase, pids: () => number[], run: () => Promise<T>): Promise<(T & { cpu: CpuUse }) | null> => {
      if (!args.phases.has(name)) return null;
      const before = cpuTicks(pids());
      const dbBefore = cpuTicks(mariadbPids());
      const result = await run();
      return { ...result, cpu: { server: cpuTicks(pids()) - before, database: cpuTicks(mariadbPids()) - dbBefore } };
    };
    const appPids = () => processGroupPids(appPid);
    const basePids = () => [process.pid];
    const appRate = await phase('rate-app', appPids, () => runAtFixedRate({ baseUrl: appUrl, ratePerSecond: args.rate, durationSeconds: args.seconds, makeRequest: signer(secret, appPath, 'rate-app') }));
    const baseRate = await phase('rate-base', basePids, () => runAtFixedRate({ baseUrl: baseline.url, ratePerSecond: args.rate, durationSeconds: args.seconds, makeRequest: signer(secret, '/', 'rate-base') }));
    const appMax = await phase('max-app', appPids, () => runMaxThroughput({ baseUrl: appUrl, connections: args.connections, durationSeconds: args.seconds, makeRequest: signer(secret, appPath, 'max-app') }));
    const baseMax = await phase('max-base', basePids, () => runMaxThroughput({ baseUrl: baseline.url, connections: args.connections, durationSeconds: args.seconds, makeRequest: signer(secret, '/', 'max-base') }));
    await baseline.close();

    const stored = async (label: string) => {
      const [row] = await db
        .select({ n: count() })
        .from(webhookEvents)
        .where(and(eq(webhookEvents.accountId, account.id), like(webhookEvents.externalId, `bench:${label}:%`)));
      return row?.n ?? 0;
    };

    const perRequest = (r: { ok: number; cpu: CpuUse }) =>
      r.ok > 0 ? `cpu/request: server ${(r.cpu.server / r.ok).toFixed(2)} ms, database ${(r.cpu.database / r.ok).toFixed(2)} ms` : '';
    console.log(`\nApp applies events right after ingest: ${process.env.WEBHOOK_APPLY_AFTER_INGEST ?? 'true'}`);
    console.log(`At ${args.rate} requests/s for ${args.seconds} s (open loop):`);
    for (const [name, r] of [['app', appRate], ['baseline', baseRate]] as const) {
      if (r) console.log(`  ${name.padEnd(8)} ok ${r.ok}/${r.sent}  ${r.rps} req/s  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  ${perRequest(r)}`);
    }
    console.log(`Max throughput, ${args.connections} connections for ${args.seconds} s (autocannon):`);
    for (const [name, r] of [['app', appMax], ['baseline', baseMax]] as const) {
      if (r) console.log(`  ${name.padEnd(8)} ${r.rps} req/s  2xx ${r.ok}  non-2xx ${r.non2xx}  errors ${r.errors}  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  ${perRequest(r)}`);
    }
    console.log('  (the baseline runs inside the bench process, so its server CPU includes the load generator)');
    if (appMax && baseMax) console.log(`Throughput ratio app/baseline: ${((appMax.rps / baseMax.rps) * 100).toFixed(0)}%`);

    let lost = 0;
    for (const [label, r] of [['rate-app', appRate], ['rate-base', baseRate], ['max-app', appMax], ['max-base', baseMax]] as const) {
      if (!r) continue;
      const n = await stored(label);
      console.log(`  ${label}: accepted ${r.ok}, stored ${n}`);
      if (n < r.ok) lost += r.ok - n;
    }
    console.log(lost === 0 ? 'Every accepted event is stored (once: unique key).' : `LOST ${lost} accepted events`);
    if (lost > 0) process.exitCode = 1;
  } finally {
    // The app must be gone before the drop: its open connections would hold the tables' metadata locks.
    if (app) await stopProcessGroup(app);
    await closeAllPools();
    await dropDatabase(url);
  }
}

main().catch((err: Error) => {
  console.error(`bench failed: ${err.message}`);
  process.exitCode = 1;
});
