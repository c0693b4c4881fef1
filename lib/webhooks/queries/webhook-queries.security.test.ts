import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenants } from '@/lib/db/schema';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import { countWebhookEventsByStatus } from './count-webhook-events-by-status';
import { webhookEventFiltersSchema } from './event-filters';
import { getWebhookEvent } from './get-webhook-event';
import { listDeadLetterReasons } from './list-dead-letter-reasons';
import { listWebhookEvents } from './list-webhook-events';
import { seedAccount, seedEvent, seedTenant } from './seed-events.test-helper';

let database: TestDatabase;
let ownTenant: number;
let otherTenant: number;
let ownEvent: number;
let otherEvent: number;
let otherAccount: number;

beforeAll(async () => {
  database = await createAppTestDatabase('whsecurity');
  const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, DEFAULT_TENANT_SLUG));
  ownTenant = tenant!.id;
  otherTenant = await seedTenant(database.db);
  const ownAccount = await seedAccount(database.db, { tenantId: ownTenant });
  otherAccount = await seedAccount(database.db, { tenantId: otherTenant });
  ownEvent = (await seedEvent(database.db, { tenantId: ownTenant, accountId: ownAccount, status: 'dead', lastError: 'own reason' })).eventId;
  otherEvent = (await seedEvent(database.db, { tenantId: otherTenant, accountId: otherAccount, status: 'dead', lastError: 'other reason' }))
    .eventId;
});

afterAll(async () => {
  await database?.drop();
});

describe('another tenant’s events never show', () => {
  it('in the list, even when its account is asked for by id', async () => {
    const all = await listWebhookEvents(database.db, ownTenant, webhookEventFiltersSchema.parse({}));
    const byOtherAccount = await listWebhookEvents(database.db, ownTenant, webhookEventFiltersSchema.parse({ account: otherAccount }));

    expect(all.events.map((e) => e.id)).toEqual([ownEvent]);
    expect(byOtherAccount.events).toEqual([]);
  });

  it('in the status counts', async () => {
    expect(await countWebhookEventsByStatus(database.db, ownTenant, {})).toEqual({ all: 1, pending: 0, done: 0, failed: 0, dead: 1 });
  });

  it('in the detail: its id answers as if it did not exist', async () => {
    expect(await getWebhookEvent(database.db, ownTenant, otherEvent)).toBeNull();
    expect((await getWebhookEvent(database.db, otherTenant, otherEvent))?.id).toBe(otherEvent);
  });

  it('in the dead letter reasons', async () => {
    expect((await listDeadLetterReasons(database.db, ownTenant)).map((r) => r.reason)).toEqual(['own reason']);
  });
});
