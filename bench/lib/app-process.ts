/** What the benches that start `next start` share: waiting for health, stopping, signing pushes. */
import type { ChildProcess } from 'node:child_process';
import { Webhook } from 'standardwebhooks';
import type { SignedRequest } from '../webhooks-ingest/load';

const STOP_GRACE_MS = 5_000;

export async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
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

/** SIGTERM to the app's process group (it was spawned detached), SIGKILL after a grace period. */
export async function stopProcessGroup(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** Each request a new signed stock event (standard webhooks), so every push is stored (no redelivery shortcut). */
export function signer(secret: string, path: string, label: string, skuPrefix = 'BENCH') {
  const wh = new Webhook(secret);
  return (n: number): SignedRequest => {
    const id = `msg_${label}_${n}`;
    const event = { type: 'stock.changed', externalId: `bench:${label}:${n}`, occurredAt: new Date().toISOString(), sku: `${skuPrefix}-${n % 50}`, quantity: n % 100 };
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
