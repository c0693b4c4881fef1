import { webhookDeliveries, webhookEventAttempts, webhookEvents, marketplaceAccounts, tenants } from '@/lib/db/schema';
import type { Db } from '@/lib/db/pool';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import { EVENT_PRIORITY, type CanonicalEventType } from '@/lib/webhooks/canonical-events';

let nextSlug = 1;

/** A tenant of its own (besides the default one), for scoping tests. */
export async function seedTenant(db: Db, name = 'Other shop'): Promise<number> {
  const [row] = await db
    .insert(tenants)
    .values({ slug: `other-${nextSlug++}-${Date.now().toString(36)}`, name, tablePrefix: 'oc_' })
    .$returningId();
  return row!.id;
}

export async function seedAccount(
  db: Db,
  { tenantId, marketplace = 'generic', name = 'Test account' }: { tenantId: number; marketplace?: MarketplaceName; name?: string },
): Promise<number> {
  const [row] = await db
    .insert(marketplaceAccounts)
    .values({ tenantId, marketplace, name, authType: 'hmac', secretCiphertext: 'v1.sealed-in-tests.x.y' })
    .$returningId();
  return row!.id;
}

export type SeedEventInput = {
  tenantId: number;
  accountId: number;
  marketplace?: MarketplaceName;
  type?: CanonicalEventType;
  status?: 'pending' | 'done' | 'failed' | 'dead';
  receivedAt?: Date;
  lastError?: string | null;
  attempts?: number;
  payload?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
};

let nextExternalId = 1;

/** One delivery holding one event, as ingest writes them; returns both ids. */
export async function seedEvent(db: Db, input: SeedEventInput): Promise<{ eventId: number; deliveryId: number }> {
  const receivedAt = input.receivedAt ?? new Date();
  const type = input.type ?? 'order.created';
  const externalId = `ext-${nextExternalId++}`;
  const payload = input.payload ?? { type, externalId, occurredAt: receivedAt.toISOString() };
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({
      tenantId: input.tenantId,
      accountId: input.accountId,
      method: 'POST',
      path: `/api/webhooks/${input.marketplace ?? 'generic'}/${input.accountId}`,
      headers: input.headers ?? { 'content-type': 'application/json' },
      rawBody: input.rawBody ?? JSON.stringify(payload),
      receivedAt,
      eventCount: 1,
    })
    .$returningId();
  const [event] = await db
    .insert(webhookEvents)
    .values({
      tenantId: input.tenantId,
      accountId: input.accountId,
      deliveryId: delivery!.id,
      marketplace: input.marketplace ?? 'generic',
      type,
      externalId,
      priority: EVENT_PRIORITY[type],
      payload,
      status: input.status ?? 'pending',
      attempts: input.attempts ?? 0,
      lastError: input.lastError ?? null,
      receivedAt,
    })
    .$returningId();
  return { eventId: event!.id, deliveryId: delivery!.id };
}

export async function seedAttempt(
  db: Db,
  input: { eventId: number; attempt: number; outcome: 'done' | 'failed' | 'dead'; error?: string | null; startedAt: Date },
) {
  await db.insert(webhookEventAttempts).values({
    eventId: input.eventId,
    attempt: input.attempt,
    worker: 'test-worker',
    outcome: input.outcome,
    error: input.error ?? null,
    startedAt: input.startedAt,
    durationMs: 12,
  });
}
