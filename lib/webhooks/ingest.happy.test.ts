import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { webhookDeliveries, webhookEvents } from '@/lib/db/schema';
import { EVENT_PRIORITY } from './canonical-events';
import { ingestWebhook } from './ingest';
import { createIngestFixture } from './ingest/ingest-fixture.test-helper';
import { questionEvent, signedHeaders, stockEvent, webhookRequest } from './ingest/webhook-push.test-helper';

let f: Awaited<ReturnType<typeof createIngestFixture>>;
let accountId: number;
let secret: string;

beforeAll(async () => {
  f = await createIngestFixture('ingesthappy');
  const created = await f.addAccount({ marketplace: 'generic', authType: 'hmac' });
  accountId = created.account.id;
  secret = created.secret;
});
afterAll(async () => f?.t.drop());

/** A signed generic push of `body`, as a sender would send it (a fresh message id each call). */
function push(body: unknown, opts: { method?: 'POST' | 'PUT'; pathTail?: string[] } = {}) {
  const rawBody = JSON.stringify(body);
  const request = webhookRequest(rawBody, signedHeaders(secret, rawBody), opts.method);
  return ingestWebhook(f.db, {
    marketplace: 'generic',
    accountId,
    key: f.key,
    request: { ...request, pathTail: opts.pathTail ?? [] },
  });
}

const eventsWith = (externalId: string) => f.db.select().from(webhookEvents).where(eq(webhookEvents.externalId, externalId));

describe('ingesting generic pushes', () => {
  it('stores one event and its delivery, with tenant, type, priority and the canonical payload', async () => {
    const event = stockEvent('happy-1', 'SKU-9', 12);
    const outcome = await push(event);
    expect(outcome).toMatchObject({ ok: true, received: 1, duplicate: 0, tenantId: f.tenantId, accountId });
    const [row] = await eventsWith('happy-1');
    expect(row).toMatchObject({
      tenantId: f.tenantId,
      accountId,
      marketplace: 'generic',
      type: 'stock.changed',
      priority: EVENT_PRIORITY['stock.changed'],
      status: 'pending',
      attempts: 0,
      payload: event,
    });
    expect(row!.receivedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const [delivery] = await f.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, row!.deliveryId));
    expect(delivery).toMatchObject({ method: 'POST', eventCount: 1, duplicateCount: 0, rawBody: JSON.stringify(event) });
    expect(delivery!.ingestLatencyMs).toBeGreaterThanOrEqual(0);
  });

  it('stores every event of a batch, each with its own priority', async () => {
    const batch = { events: [stockEvent('batch-1'), questionEvent('batch-2', 'Kargo ne zaman?'), stockEvent('batch-3', 'SKU-2', 0)] };
    expect(await push(batch)).toMatchObject({ ok: true, received: 3, duplicate: 0 });
    const question = await eventsWith('batch-2');
    expect(question[0]).toMatchObject({ type: 'question.received', priority: EVENT_PRIORITY['question.received'] });
    const deliveryIds = new Set(
      (await Promise.all(['batch-1', 'batch-2', 'batch-3'].map(eventsWith))).flat().map((r) => r.deliveryId),
    );
    expect(deliveryIds.size).toBe(1);
  });

  it('answers a redelivery as a duplicate and keeps one event row', async () => {
    const event = stockEvent('again-1');
    expect(await push(event)).toMatchObject({ ok: true, received: 1, duplicate: 0 });
    expect(await push(event)).toMatchObject({ ok: true, received: 0, duplicate: 1 });
    expect(await push({ events: [event, stockEvent('again-2')] })).toMatchObject({ ok: true, received: 1, duplicate: 1 });
    expect(await eventsWith('again-1')).toHaveLength(1);
    expect(await eventsWith('again-2')).toHaveLength(1);
  });

  it('counts an event repeated inside one batch once', async () => {
    const event = stockEvent('twice-in-batch');
    expect(await push({ events: [event, event] })).toMatchObject({ ok: true, received: 1, duplicate: 1 });
    expect(await eventsWith('twice-in-batch')).toHaveLength(1);
  });

  it('twenty concurrent identical deliveries store each event once and exactly one answer counts it new', async () => {
    const body = { events: [stockEvent('storm-1'), stockEvent('storm-2', 'SKU-2'), questionEvent('storm-3', 'Var mı?')] };
    const before = await f.countRows();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => push(body)));
    const counts = outcomes.map((o) => (o.ok ? { received: o.received, duplicate: o.duplicate } : o));
    for (const c of counts) expect(c).toMatchObject({ received: expect.any(Number), duplicate: expect.any(Number) });
    const received = counts.reduce((sum, c) => sum + ('received' in c ? c.received : 0), 0);
    const duplicate = counts.reduce((sum, c) => sum + ('duplicate' in c ? c.duplicate : 0), 0);
    expect(received).toBe(3);
    expect(duplicate).toBe(20 * 3 - 3);
    for (const id of ['storm-1', 'storm-2', 'storm-3']) expect(await eventsWith(id)).toHaveLength(1);
    const after = await f.countRows();
    expect(after.events - before.events).toBe(3);
    expect(after.deliveries - before.deliveries).toBe(20);
  });

  it('concurrent batches sharing events in different orders, and single pushes of them, all succeed', async () => {
    const events = Array.from({ length: 12 }, (_, i) => stockEvent(`overlap-${i}`, `SKU-${i}`));
    const bodies = Array.from({ length: 20 }, (_, k) =>
      k % 4 === 0 ? { events } : k % 4 === 1 ? { events: [...events].reverse() } : k % 4 === 2 ? { events: events.slice(k % 6) } : events[k % 12]!,
    );
    const outcomes = await Promise.all(bodies.map((body) => push(body)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes.reduce((sum, o) => sum + (o.ok ? o.received : 0), 0)).toBe(12);
    for (const e of events) expect(await eventsWith(e.externalId)).toHaveLength(1);
  });

  it('keeps the events of a batch in the order they were sent', async () => {
    const ids = ['order-c', 'order-a', 'order-b'];
    await push({ events: ids.map((id, i) => stockEvent(id, 'SKU-ORDER', i)) });
    const rows = (await Promise.all(ids.map(eventsWith))).flat();
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b));
  });

  it('takes PUT and a path tail, and records both on the delivery', async () => {
    expect(await push(stockEvent('put-1'), { method: 'PUT', pathTail: ['orders', 'status'] })).toMatchObject({ ok: true, received: 1 });
    const [row] = await eventsWith('put-1');
    const [delivery] = await f.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, row!.deliveryId));
    expect(delivery).toMatchObject({ method: 'PUT', path: 'orders/status' });
  });

  it('stores emoji, Turkish letters and SQL-looking text exactly as sent', async () => {
    const tricky = `Robert'); DROP TABLE msc_webhook_event;-- 🚀🇹🇷 Çığüşöİ "quoted" \\ back\\slash \u0000 % _`;
    const event = questionEvent('tricky-1', tricky, `O'Brien 😀`);
    const rawBody = JSON.stringify(event);
    expect(await push(event)).toMatchObject({ ok: true, received: 1 });
    const [row] = await eventsWith('tricky-1');
    expect(row!.payload).toMatchObject({ text: tricky, customerName: `O'Brien 😀` });
    const [delivery] = await f.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, row!.deliveryId));
    expect(Buffer.from(delivery!.rawBody, 'utf8').equals(Buffer.from(rawBody, 'utf8'))).toBe(true);
  });
});
