/**
 * Where the webhook route's own time goes, without Next's server around it: calls the route's POST
 * handler in this process, one signed push after another, and prints CPU time per push for the
 * handler alone and for its database insert alone.
 *   npx tsx bench/webhooks-ingest/handler-cpu.ts [--pushes 3000]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '@/lib/env';
import { dropDatabase, ensureDatabase, ensureServer, withDatabase } from '@/lib/db/server';
import { closeAllPools, getDb } from '@/lib/db/pool';
import { ensureDefaultTenant, migrateCompanion } from '@/lib/db/migrate';
import { createMarketplaceAccount } from '@/lib/marketplace-accounts';
import { encryptionKeyFrom } from '@/lib/crypto/secret-box';

const argsSchema = z.object({ pushes: z.coerce.number().int().min(100).max(100_000).default(3_000) });

async function main() {
  const args = argsSchema.parse(parseArgs({ options: { pushes: { type: 'string' } } }).values);
  // The route reads its settings through env(), so they are set before anything reads it.
  const url = withDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, `mscbench_cpu_${Date.now().toString(36)}`);
  const keyText = randomBytes(32).toString('base64');
  process.env.DATABASE_URL = url;
  process.env.APP_ENCRYPTION_KEY = keyText;
  process.env.WEBHOOK_APPLY_AFTER_INGEST = 'false';
  process.env.AUTH_SECRET ??= randomBytes(24).toString('hex');
  await ensureServer(url);
  await ensureDatabase(url);
  try {
    const db = getDb(url);
    await migrateCompanion(url);
    const tenant = await ensureDefaultTenant(db, 'oc_');
    const { account, secret } = await createMarketplaceAccount(
      db,
      { tenantId: tenant.id, marketplace: 'generic', name: 'Bench', authType: 'hmac' },
      { key: encryptionKeyFrom(keyText), actor: { userId: null, username: 'bench' } },
    );
    const { POST } = await import('@/app/api/webhooks/[marketplace]/[accountId]/[[...path]]/route');
    const wh = new Webhook(secret!);
    const params = Promise.resolve({ marketplace: 'generic', accountId: String(account.id) });
    const push = async (n: number) => {
      const body = JSON.stringify({ type: 'stock.changed', externalId: `cpu:${n}`, occurredAt: new Date().toISOString(), sku: `S-${n % 50}`, quantity: n % 100 });
      const now = new Date();
      const request = new Request(`http://127.0.0.1/api/webhooks/generic/${account.id}`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'webhook-id': `msg_${n}`,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': wh.sign(`msg_${n}`, now, body),
        },
      });
      const response = await POST(request, { params });
      if (response.status !== 200) throw new Error(`push ${n}: ${response.status} ${await response.text()}`);
    };
    for (let n = 0; n < 300; n++) await push(-1 - n); // warm up
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let n = 0; n < args.pushes; n++) await push(n);
    const used = process.cpuUsage(cpu);
    const wall = performance.now() - started;
    console.log(`${args.pushes} pushes one after another through the route handler (no Next server):`);
    console.log(`  cpu per push ${((used.user + used.system) / 1000 / args.pushes).toFixed(3)} ms, wall per push ${(wall / args.pushes).toFixed(3)} ms`);
  } finally {
    await closeAllPools();
    await dropDatabase(url);
  }
}

main().catch((err: Error) => {
  console.error(`bench failed: ${err.message}`);
  process.exitCode = 1;
});
