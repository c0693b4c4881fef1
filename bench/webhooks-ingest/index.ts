/**
 * Webhook ingest under load: the built app beside a bare node:http baseline doing the same verified
 * insert, both driven on loopback with signed Standard Webhooks requests; then a check that every
 * accepted event was stored once.
 *   npx tsx bench/webhooks-ingest/index.ts [--rate 500] [--seconds 10] [--connections 20]
 * Targets (2-core machine): at 500 requests/s p99 under 50 ms; throughput at least 60% of the baseline.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { and, count, eq, like } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import { env } from '@/lib/env';
import { dropDatabase, ensureDatabase, ensureServer, withDatabase } from '@/lib/db/server';
import { closeAllPools, getDb } from '@/lib/db/pool';
import { createOpenCartTables } from '@/lib/db/opencart/create-tables';
import { insertSampleCatalogue } from '@/lib/db/opencart/sample-catalogue';
import { ensureDefaultTenant, migrateCompanion } from '@/lib/db/migrate';
import { webhookEvents } from '@/lib/db/schema';
import { createMarketplaceAccount } from '@/lib/marketplace-accounts';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';
import { startBaseline } from './baseline-server';
import { runAtFixedRate, runMaxThroughput, type SignedRequest } from './load';

const argsSchema = z.object({
  rate: z.coerce.number().int().min(1).max(5_000).default(500),
  seconds: z.coerce.number().int().min(1).max(120).default(10),
  connections: z.coerce.number().int().min(1).max(512).default(20),
});
const APP_PORT = 3210;
const BENCH_DIST_DIR = '.next-bench';
const READY_TIMEOUT_MS = 60_000;

async function waitForHealth(url: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function signer(secret: string, path: string, label: string) {
  const wh = new Webhook(secret);
  return (n: number): SignedRequest => {
    const id = `msg_${label}_${n}`;
    const event = {
      type: 'stock.changed',
      externalId: `bench:${label}:${n}`,
      occurredAt: new Date().toISOString(),
      sku: `BENCH-${n % 50}`,
      quantity: n % 100,
    };
    const body = JSON.stringify(event);
    const now = new Date();
    return {
      path,
      body,
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': wh.sign(id, now, body),
      },
    };
  };
}

const STOP_GRACE_MS = 5_000;

async function stopProcessGroup(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

async function main() {
  const args = argsSchema.parse(
    parseArgs({ options: { rate: { type: 'string' }, seconds: { type: 'string' }, connections: { type: 'string' } } }).values,
  );
  const url = withDatabase(env().DATABASE_URL, `mscbench_wh_${Date.now().toString(36)}`);
  const keyText = randomBytes(32).toString('base64');
  let app: ChildProcess | undefined;
  await ensureServer(url);
  await ensureDatabase(url);
  try {
    const oc = await createOpenCartTables(url);
    const db = getDb(url);
    await insertSampleCatalogue(db, oc);
    await migrateCompanion(url);
    const tenant = await ensureDefaultTenant(db, 'oc_');
    const { account, secret } = await createMarketplaceAccount(
      db,
      { tenantId: tenant.id, marketplace: 'generic', name: 'Bench', authType: 'hmac' },
      { key: encryptionKeyFrom(keyText), actor: { userId: null, username: 'bench' } },
    );

    // Its own build directory, so a running app or e2e build is left alone.
    const buildEnv = { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR };
    if (!existsSync(`${BENCH_DIST_DIR}/BUILD_ID`) || process.env.BENCH_REBUILD !== '0') {
      console.log('Building the app for the bench (next build)…');
      if (spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: buildEnv }).status !== 0) throw new Error('next build failed');
    }
    const appUrl = `http://127.0.0.1:${APP_PORT}`;
    // next's own binary, not npx, so the pid we stop is the server's.
    app = spawn('node_modules/.bin/next', ['start', '--hostname', '127.0.0.1', '--port', String(APP_PORT)], {
      env: { ...buildEnv, WEBHOOK_APPLY_AFTER_INGEST: process.env.WEBHOOK_APPLY_AFTER_INGEST ?? 'true', DATABASE_URL: url, APP_ENCRYPTION_KEY: keyText, AUTH_SECRET: randomBytes(24).toString('hex') },
      stdio: 'ignore',
      detached: true,
    });
    await waitForHealth(appUrl);
    const baseline = await startBaseline({ databaseUrl: url, tenantId: tenant.id, accountId: account.id, secret });
    const appPath = `/api/webhooks/generic/${account.id}`;

    // Warm both (JIT, pools) before measuring.
    await runAtFixedRate({ baseUrl: appUrl, ratePerSecond: 50, durationSeconds: 2, makeRequest: signer(secret, appPath, 'warm-app') });
    await runAtFixedRate({ baseUrl: baseline.url, ratePerSecond: 50, durationSeconds: 2, makeRequest: signer(secret, '/', 'warm-base') });

    const appRate = await runAtFixedRate({ baseUrl: appUrl, ratePerSecond: args.rate, durationSeconds: args.seconds, makeRequest: signer(secret, appPath, 'rate-app') });
    const baseRate = await runAtFixedRate({ baseUrl: baseline.url, ratePerSecond: args.rate, durationSeconds: args.seconds, makeRequest: signer(secret, '/', 'rate-base') });
    const appMax = await runMaxThroughput({ baseUrl: appUrl, connections: args.connections, durationSeconds: args.seconds, makeRequest: signer(secret, appPath, 'max-app') });
    const baseMax = await runMaxThroughput({ baseUrl: baseline.url, connections: args.connections, durationSeconds: args.seconds, makeRequest: signer(secret, '/', 'max-base') });
    await baseline.close();

    const stored = async (label: string) => {
      const [row] = await db
        .select({ n: count() })
        .from(webhookEvents)
        .where(and(eq(webhookEvents.accountId, account.id), like(webhookEvents.externalId, `bench:${label}:%`)));
      return row?.n ?? 0;
    };

    console.log(`\nApp applies events right after ingest: ${process.env.WEBHOOK_APPLY_AFTER_INGEST ?? 'true'}`);
    console.log(`At ${args.rate} requests/s for ${args.seconds} s (open loop):`);
    for (const [name, r] of [['app', appRate], ['baseline', baseRate]] as const) {
      console.log(`  ${name.padEnd(8)} ok ${r.ok}/${r.sent}  ${r.rps} req/s  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}`);
    }
    console.log(`Max throughput, ${args.connections} connections for ${args.seconds} s (autocannon):`);
    for (const [name, r] of [['app', appMax], ['baseline', baseMax]] as const) {
      console.log(`  ${name.padEnd(8)} ${r.rps} req/s  2xx ${r.ok}  non-2xx ${r.non2xx}  errors ${r.errors}  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}`);
    }
    console.log(`Throughput ratio app/baseline: ${((appMax.rps / baseMax.rps) * 100).toFixed(0)}%`);

    let lost = 0;
    for (const [label, accepted] of [['rate-app', appRate.ok], ['rate-base', baseRate.ok], ['max-app', appMax.ok], ['max-base', baseMax.ok]] as const) {
      const n = await stored(label);
      console.log(`  ${label}: accepted ${accepted}, stored ${n}`);
      if (n < accepted) lost += accepted - n;
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
