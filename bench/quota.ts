/**
 * What the per-tenant quota check costs a webhook request: two `next start` servers of one build, one
 * with QUOTA_ENFORCEMENT=on and one with it off, get one open-loop schedule whose requests alternate
 * between them (which goes first alternates between rounds), so whatever else the machine does hits
 * both alike; then the store of one push (recordDelivery) timed from this process with and without the
 * quota statements riding in its transaction, one caller and several, in alternating blocks.
 *   npx tsx bench/quota.ts [--rate 100] [--seconds 15] [--rounds 2] [--concurrency 1,20] [--store-only]
 * `--store-only` skips the HTTP part (no build, no servers) and times only the stores.
 * Budget (issue 5): the check adds at most 2 ms to a webhook request's p99 under load.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { and, eq, sum } from 'drizzle-orm';
import { z } from 'zod';
import { createBenchShop } from './lib/bench-shop';
import { dropDatabase } from '@/lib/db/server';
import { closeAllPools } from '@/lib/db/pool';
import { quotaUsage } from '@/lib/db/schema';
import { MAX_QUOTA_LIMIT, webhookQuotaUse } from '@/lib/quotas';
import { recordDelivery, recordDeliveryWithinQuota, type DeliveryToRecord } from '@/lib/webhooks/ingest/record-delivery';
import { runAtFixedRate, runInterleavedAtFixedRate, type RateResult } from './webhooks-ingest/load';
import { signer, stopProcessGroup, waitForHealth } from './lib/app-process';

const argsSchema = z.object({
  rate: z.coerce.number().int().min(1).max(2_000).default(100),
  seconds: z.coerce.number().int().min(1).max(120).default(15),
  rounds: z.coerce.number().int().min(1).max(10).default(2),
  /** Concurrent callers of one tenant for the store timings, comma-separated. */
  concurrency: z
    .string()
    .default('1,20')
    .transform((text) => text.split(',').map(Number))
    .pipe(z.array(z.number().int().min(1).max(100)).min(1)),
  storeOnly: z.boolean().default(false),
});

// A build of its own, leaving a running app's, the e2e run's and the ingest bench's builds alone.
const BENCH_DIST_DIR = '.next-bench-quota';
const PORTS = { on: 3220, off: 3221 } as const;
type Mode = keyof typeof PORTS;
const READY_TIMEOUT_MS = 90_000;
/** Stores timed per mode and concurrency, in blocks alternating with and without the quota. */
const STORE_SAMPLES = 2_000;
const STORE_BLOCKS = 10;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (v: number) => `${v.toFixed(2)} ms`;

async function main() {
  const raw = parseArgs({
    options: { rate: { type: 'string' }, seconds: { type: 'string' }, rounds: { type: 'string' }, concurrency: { type: 'string' }, 'store-only': { type: 'boolean' } },
  }).values;
  const args = argsSchema.parse({ ...raw, storeOnly: raw['store-only'] });
  // The check runs in full, but nothing is refused: the cost measured is the counting, not 429s.
  const { url, db, keyText, tenant, account, secret } = await createBenchShop('quota', MAX_QUOTA_LIMIT);
  const apps: ChildProcess[] = [];
  try {
    const results: Record<Mode, RateResult[]> = { on: [], off: [] };
    const warmUp: Record<Mode, RateResult | null> = { on: null, off: null };
    let countedOn = 0;
    let acceptedOn = 0;
    if (!args.storeOnly) {
      const buildEnv = { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR };
      if (!existsSync(`${BENCH_DIST_DIR}/BUILD_ID`) || process.env.BENCH_REBUILD !== '0') {
        console.log('Building the app for the bench (next build)…');
        if (spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: buildEnv }).status !== 0) throw new Error('next build failed');
      }
      const appUrl = (mode: Mode) => `http://127.0.0.1:${PORTS[mode]}`;
      for (const mode of ['on', 'off'] as const) {
        const app = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', String(PORTS[mode])], {
          env: {
            ...buildEnv,
            QUOTA_ENFORCEMENT: mode,
            // Ingest alone: the after-ingest worker would share the two cores and blur the difference.
            WEBHOOK_APPLY_AFTER_INGEST: 'false',
            DATABASE_URL: url,
            APP_ENCRYPTION_KEY: keyText,
            AUTH_SECRET: randomBytes(24).toString('hex'),
          },
          stdio: 'ignore',
          detached: true,
        });
        apps.push(app);
      }
      await Promise.all((['on', 'off'] as const).map((mode) => waitForHealth(appUrl(mode), READY_TIMEOUT_MS)));
      const path = `/api/webhooks/generic/${account.id}`;
      for (const mode of ['on', 'off'] as const) {
        warmUp[mode] = await runAtFixedRate({ baseUrl: appUrl(mode), ratePerSecond: 50, durationSeconds: 3, makeRequest: signer(secret, path, `warm-${mode}`, 'Q') });
      }

      // Each round is one open-loop schedule whose requests alternate between the two servers, so the
      // machine's other work hits both alike; which one goes first alternates between rounds.
      for (let round = 0; round < args.rounds; round++) {
        const order: Mode[] = round % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
        const rs = await runInterleavedAtFixedRate({
          targets: order.map((mode) => ({ baseUrl: appUrl(mode), makeRequest: signer(secret, path, `${mode}-${round}`, 'Q') })),
          ratePerSecond: args.rate,
          durationSeconds: args.seconds,
        });
        for (const [i, mode] of order.entries()) {
          const r = rs[i]!;
          results[mode].push(r);
          console.log(`round ${round + 1} quotas ${mode.padEnd(3)}: ok ${r.ok}/${r.sent}  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}`);
        }
      }
      for (const app of apps) await stopProcessGroup(app);
      apps.length = 0;

      // Every push the "on" server accepted was counted once: the day counter equals the accepted events.
      const countedToday = async () => {
        const [row] = await db
          .select({ n: sum(quotaUsage.used) })
          .from(quotaUsage)
          .where(and(eq(quotaUsage.tenantId, tenant.id), eq(quotaUsage.metric, 'webhook_events'), eq(quotaUsage.grain, 'day')));
        return Number(row?.n ?? 0);
      };
      countedOn = await countedToday();
      acceptedOn = results.on.reduce((n, r) => n + r.ok, 0) + (warmUp.on?.ok ?? 0);

    }

    // The store itself, from this process, without HTTP and Next: the same delivery transaction with and
    // without the quota statements riding in it, in alternating blocks so drift hits both alike.
    const deliveryOf = (n: number, label: string): DeliveryToRecord => {
      const event = { type: 'stock.changed' as const, externalId: `store:${label}:${n}`, occurredAt: new Date().toISOString(), sku: `Q-${n % 50}`, quantity: n % 100 };
      return {
        tenantId: tenant.id,
        accountId: account.id,
        marketplace: 'generic',
        request: { method: 'POST', pathTail: [], headers: {}, rawBody: JSON.stringify(event), receivedAt: new Date() },
        storedHeaders: {},
        events: [event],
      };
    };
    const store = { on: [] as number[], off: [] as number[] };
    const timeStores = async (mode: Mode, callers: number, count: number, block: number) => {
      let next = 0;
      const worker = async () => {
        while (next < count) {
          const n = next++;
          const delivery = deliveryOf(n, `${mode}-${callers}-${block}`);
          const started = performance.now();
          if (mode === 'on') await recordDeliveryWithinQuota(db, delivery, webhookQuotaUse(tenant.id, 1, delivery.request.receivedAt));
          else await recordDelivery(db, delivery);
          store[mode].push(performance.now() - started);
        }
      };
      await Promise.all(Array.from({ length: callers }, worker));
    };
    const storeFigures: Record<string, { on: number[]; off: number[] }> = {};
    for (const callers of args.concurrency) {
      store.on = [];
      store.off = [];
      for (let block = 0; block < STORE_BLOCKS; block++) {
        const order: Mode[] = block % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
        for (const mode of order) await timeStores(mode, callers, STORE_SAMPLES / STORE_BLOCKS, block);
      }
      storeFigures[String(callers)] = { on: [...store.on].sort((a, b) => a - b), off: [...store.off].sort((a, b) => a - b) };
    }

    if (!args.storeOnly) {
      console.log(`\nWebhook requests, one open loop of ${args.rate} req/s in all alternating between the servers, ${args.seconds} s per round, ${args.rounds} round(s):`);
      console.log('mode        ok/sent          p50 (all rounds)  p95 (all rounds)  p99 (all rounds)  p99 per round');
      const pooled = (mode: Mode) => results[mode].flatMap((r) => r.latencies).sort((x, y) => x - y);
      const all = { on: pooled('on'), off: pooled('off') };
      for (const mode of ['off', 'on'] as const) {
        const rs = results[mode];
        console.log(
          `quotas ${mode.padEnd(3)}  ${`${rs.reduce((n, r) => n + r.ok, 0)}/${rs.reduce((n, r) => n + r.sent, 0)}`.padEnd(15)}  ${ms(percentile(all[mode], 50)).padEnd(16)}  ${ms(percentile(all[mode], 95)).padEnd(16)}  ${ms(percentile(all[mode], 99)).padEnd(16)}  ${rs.map((r) => ms(r.p99)).join(', ')}`,
        );
      }
      const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor((values.length - 1) / 2)]!;
      const roundDiffs = results.on.map((r, i) => r.p99 - results.off[i]!.p99);
      console.log(
        `difference on − off: p50 ${ms(percentile(all.on, 50) - percentile(all.off, 50))}, p99 ${ms(percentile(all.on, 99) - percentile(all.off, 99))} ` +
          `(all rounds); p99 per round ${roundDiffs.map(ms).join(', ')}, median ${ms(median(roundDiffs))} (budget: p99 +2 ms)`,
      );
    }
    console.log(`\nStoring one push (recordDelivery) from this process, ${STORE_SAMPLES} per mode and concurrency, alternating blocks:`);
    for (const [callers, f] of Object.entries(storeFigures)) {
      const line = (mode: Mode) => `p50 ${ms(percentile(f[mode], 50))}  p99 ${ms(percentile(f[mode], 99))}`;
      console.log(`  ${callers.padStart(2)} caller(s): without quota ${line('off')}   with quota ${line('on')}   difference p50 ${ms(percentile(f.on, 50) - percentile(f.off, 50))}, p99 ${ms(percentile(f.on, 99) - percentile(f.off, 99))}`);
    }
    if (!args.storeOnly) {
      console.log(`Counted by the "on" server: ${countedOn}, accepted by it: ${acceptedOn}${countedOn === acceptedOn ? ' (equal)' : ' (DIFFERENT)'}`);
      if (countedOn !== acceptedOn) process.exitCode = 1;
    }
  } finally {
    // The apps must be gone before the drop: their open connections would hold the tables' metadata locks.
    for (const app of apps) await stopProcessGroup(app);
    await closeAllPools();
    await dropDatabase(url);
  }
}

main().catch((err: Error) => {
  console.error(`bench failed: ${err.message}`);
  process.exitCode = 1;
});
