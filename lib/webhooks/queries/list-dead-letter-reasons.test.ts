import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenants } from '@/lib/db/schema';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import { listDeadLetterReasons } from './list-dead-letter-reasons';
import { seedAccount, seedEvent } from './seed-events.test-helper';

let database: TestDatabase;
let tenantId: number;

beforeAll(async () => {
  database = await createAppTestDatabase('whdead');
  const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, DEFAULT_TENANT_SLUG));
  tenantId = tenant!.id;
});

afterAll(async () => {
  await database?.drop();
});

describe('dead letter reasons', () => {
  it('groups dead events by reason, the most recent reason first, naming unknown SKUs', async () => {
    const accountId = await seedAccount(database.db, { tenantId });
    const unknownSku = `Unknown SKU ABC for account ${accountId}: add a product mapping`;
    await seedEvent(database.db, { tenantId, accountId, status: 'dead', lastError: unknownSku, receivedAt: new Date('2024-03-01T08:00:00Z') });
    const latest = await seedEvent(database.db, {
      tenantId,
      accountId,
      status: 'dead',
      lastError: unknownSku,
      receivedAt: new Date('2024-03-02T08:00:00Z'),
    });
    const other = await seedEvent(database.db, {
      tenantId,
      accountId,
      status: 'dead',
      lastError: 'Order o-9 is not known: its order.created never came',
      receivedAt: new Date('2024-03-05T08:00:00Z'),
    });
    await seedEvent(database.db, { tenantId, accountId, status: 'failed', lastError: 'Lock wait timeout' });

    const reasons = await listDeadLetterReasons(database.db, tenantId);

    expect(reasons).toEqual([
      {
        reason: 'Order o-9 is not known: its order.created never came',
        count: 1,
        latestEventId: other.eventId,
        latestReceivedAt: '2024-03-05T08:00:00.000Z',
        unknownSku: null,
      },
      { reason: unknownSku, count: 2, latestEventId: latest.eventId, latestReceivedAt: '2024-03-02T08:00:00.000Z', unknownSku: 'ABC' },
    ]);
  });
});
