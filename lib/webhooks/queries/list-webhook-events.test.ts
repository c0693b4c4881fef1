import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenants } from '@/lib/db/schema';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import { listWebhookEvents, PAGE_SIZE } from './list-webhook-events';
import { countWebhookEventsByStatus } from './count-webhook-events-by-status';
import { webhookEventFiltersSchema } from './event-filters';
import { seedAccount, seedEvent } from './seed-events.test-helper';

let database: TestDatabase;
let tenantId: number;
let generic: number;
let trendyol: number;
const ids: Record<string, number> = {};

const filters = (input: Record<string, unknown> = {}) => webhookEventFiltersSchema.parse(input);

beforeAll(async () => {
  database = await createAppTestDatabase('whlist');
  const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, DEFAULT_TENANT_SLUG));
  tenantId = tenant!.id;
  generic = await seedAccount(database.db, { tenantId, marketplace: 'generic', name: 'Own site' });
  trendyol = await seedAccount(database.db, { tenantId, marketplace: 'trendyol', name: 'Trendyol TR' });
  const seed = async (key: string, input: Omit<Parameters<typeof seedEvent>[1], 'tenantId'>) => {
    ids[key] = (await seedEvent(database.db, { tenantId, ...input })).eventId;
  };
  await seed('done', { accountId: generic, status: 'done', receivedAt: new Date('2024-03-10T10:00:00Z') });
  await seed('dead', {
    accountId: generic,
    status: 'dead',
    lastError: `Unknown SKU X-1 for account ${generic}: add a product mapping`,
    receivedAt: new Date('2024-03-11T10:00:00Z'),
  });
  await seed('failed', {
    accountId: trendyol,
    marketplace: 'trendyol',
    type: 'stock.changed',
    status: 'failed',
    receivedAt: new Date('2024-03-12T10:00:00Z'),
  });
  // 01:30 on 13 March in Istanbul (UTC+3), still 12 March in UTC.
  await seed('lateEvening', {
    accountId: trendyol,
    marketplace: 'trendyol',
    type: 'order.status_changed',
    receivedAt: new Date('2024-03-12T22:30:00Z'),
  });
});

afterAll(async () => {
  await database?.drop();
});

describe('listing events', () => {
  it('lists the newest first, with the account each came to', async () => {
    const page = await listWebhookEvents(database.db, tenantId, filters());

    expect(page.events.map((e) => e.id)).toEqual([ids.lateEvening, ids.failed, ids.dead, ids.done]);
    expect(page).toMatchObject({ total: 4, page: 1, pageCount: 1, pageSize: PAGE_SIZE });
    expect(page.events[0]).toMatchObject({
      accountId: trendyol,
      accountName: 'Trendyol TR',
      marketplace: 'trendyol',
      type: 'order.status_changed',
      status: 'pending',
      receivedAt: '2024-03-12T22:30:00.000Z',
      processedAt: null,
    });
    expect(page.events[2]?.lastError).toBe(`Unknown SKU X-1 for account ${generic}: add a product mapping`);
  });

  it('narrows by marketplace, account, type and status', async () => {
    const ofIds = async (input: Record<string, unknown>) =>
      (await listWebhookEvents(database.db, tenantId, filters(input))).events.map((e) => e.id);

    expect(await ofIds({ marketplace: 'generic' })).toEqual([ids.dead, ids.done]);
    expect(await ofIds({ account: trendyol })).toEqual([ids.lateEvening, ids.failed]);
    expect(await ofIds({ type: 'stock.changed' })).toEqual([ids.failed]);
    expect(await ofIds({ status: 'dead' })).toEqual([ids.dead]);
    expect(await ofIds({ marketplace: 'generic', status: 'failed' })).toEqual([]);
  });

  it('takes a date range as whole calendar days in the shop’s time zone', async () => {
    const on13March = filters({ from: '2024-03-13', to: '2024-03-13' });

    const istanbul = await listWebhookEvents(database.db, tenantId, on13March, { timeZone: 'Europe/Istanbul' });
    const utc = await listWebhookEvents(database.db, tenantId, on13March, { timeZone: 'UTC' });
    const from11To12 = await listWebhookEvents(database.db, tenantId, filters({ from: '2024-03-11', to: '2024-03-12' }));

    expect(istanbul.events.map((e) => e.id)).toEqual([ids.lateEvening]);
    expect(utc.events).toEqual([]);
    expect(from11To12.events.map((e) => e.id)).toEqual([ids.lateEvening, ids.failed, ids.dead]);
  });
});

describe('pages', () => {
  let paged: number;
  const extra = 3;

  beforeAll(async () => {
    paged = await seedAccount(database.db, { tenantId, marketplace: 'amazon', name: 'Busy account' });
    const start = new Date('2024-01-01T00:00:00Z').getTime();
    for (let i = 0; i < PAGE_SIZE + extra; i++) {
      await seedEvent(database.db, { tenantId, accountId: paged, marketplace: 'amazon', receivedAt: new Date(start + i * 60_000) });
    }
  });

  it('holds PAGE_SIZE events each, the rest on the next page', async () => {
    const first = await listWebhookEvents(database.db, tenantId, filters({ account: paged }));
    const second = await listWebhookEvents(database.db, tenantId, filters({ account: paged, page: 2 }));

    expect(first.events).toHaveLength(PAGE_SIZE);
    expect(second.events).toHaveLength(extra);
    expect(first).toMatchObject({ total: PAGE_SIZE + extra, page: 1, pageCount: 2 });
    expect(second.events.at(-1)?.receivedAt).toBe('2024-01-01T00:00:00.000Z');
    const seen = new Set([...first.events, ...second.events].map((e) => e.id));
    expect(seen.size).toBe(PAGE_SIZE + extra);
  });

  it('shows the last page when asked for one past the end', async () => {
    const past = await listWebhookEvents(database.db, tenantId, filters({ account: paged, page: 9 }));

    expect(past.page).toBe(2);
    expect(past.events).toHaveLength(extra);
  });
});

describe('status counts', () => {
  it('counts each status under the other filters, whatever status is chosen', async () => {
    expect(await countWebhookEventsByStatus(database.db, tenantId, { marketplace: 'trendyol' })).toEqual({
      all: 2,
      pending: 1,
      done: 0,
      failed: 1,
      dead: 0,
    });
    const withStatus = { marketplace: 'generic' as const, status: 'dead' as const };
    expect(await countWebhookEventsByStatus(database.db, tenantId, withStatus)).toEqual({
      all: 2,
      pending: 0,
      done: 1,
      failed: 0,
      dead: 1,
    });
  });
});
