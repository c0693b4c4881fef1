import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenants } from '@/lib/db/schema';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import { getWebhookEvent } from './get-webhook-event';
import { seedAccount, seedAttempt, seedEvent } from './seed-events.test-helper';

let database: TestDatabase;
let tenantId: number;
let accountId: number;

beforeAll(async () => {
  database = await createAppTestDatabase('whdetail');
  const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, DEFAULT_TENANT_SLUG));
  tenantId = tenant!.id;
  accountId = await seedAccount(database.db, { tenantId, name: 'Own site' });
});

afterAll(async () => {
  await database?.drop();
});

describe('event detail', () => {
  it('shows the payload, the delivery’s body indented and its headers, and every attempt in order', async () => {
    const payload = { type: 'order.created', externalId: 'o-1', occurredAt: '2024-03-10T10:00:00Z', order: { lines: [] } };
    const { eventId, deliveryId } = await seedEvent(database.db, {
      tenantId,
      accountId,
      status: 'failed',
      attempts: 2,
      lastError: 'Deadlock found; will retry',
      payload,
      rawBody: '{"events":[{"externalId":"o-1"}]}',
      headers: { 'webhook-id': 'msg_1', 'content-type': 'application/json' },
      receivedAt: new Date('2024-03-10T10:00:00Z'),
    });
    await seedAttempt(database.db, { eventId, attempt: 2, outcome: 'failed', error: 'Deadlock found', startedAt: new Date('2024-03-10T10:01:00Z') });
    await seedAttempt(database.db, { eventId, attempt: 1, outcome: 'failed', error: 'Lock wait timeout', startedAt: new Date('2024-03-10T10:00:01Z') });

    const detail = await getWebhookEvent(database.db, tenantId, eventId);

    expect(detail).toMatchObject({ id: eventId, status: 'failed', attempts: 2, accountName: 'Own site', unknownSku: null });
    expect(JSON.parse(detail!.payload)).toEqual(payload);
    expect(detail!.payload).toContain('\n  "externalId": "o-1"');
    expect(detail!.delivery).toMatchObject({
      id: deliveryId,
      method: 'POST',
      bodyIsJson: true,
      body: '{\n  "events": [\n    {\n      "externalId": "o-1"\n    }\n  ]\n}',
      headers: [
        ['content-type', 'application/json'],
        ['webhook-id', 'msg_1'],
      ],
    });
    expect(detail!.attemptLog.map((a) => [a.attempt, a.outcome, a.error])).toEqual([
      [1, 'failed', 'Lock wait timeout'],
      [2, 'failed', 'Deadlock found'],
    ]);
  });

  it('shows a body that is not JSON exactly as it came', async () => {
    const { eventId } = await seedEvent(database.db, { tenantId, accountId, rawBody: 'a=1&b=2' });

    const detail = await getWebhookEvent(database.db, tenantId, eventId);

    expect(detail!.delivery).toMatchObject({ body: 'a=1&b=2', bodyIsJson: false });
  });

  it('names the SKU a dead event is waiting on a mapping for', async () => {
    const { eventId } = await seedEvent(database.db, {
      tenantId,
      accountId,
      status: 'dead',
      lastError: `Unknown SKU TY-RED-42 for account ${accountId}: add a product mapping`,
    });

    expect((await getWebhookEvent(database.db, tenantId, eventId))!.unknownSku).toBe('TY-RED-42');
  });

  it('answers null for an id that does not exist', async () => {
    expect(await getWebhookEvent(database.db, tenantId, 987_654_321)).toBeNull();
  });
});
