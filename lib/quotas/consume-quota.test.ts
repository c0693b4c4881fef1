import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { getDb, type Db } from '@/lib/db/pool';
import { alerts, quotaUsage, tenants } from '@/lib/db/schema';
import { consumeQuota, type QuotaUse } from './consume-quota';
import { LOCAL_REFUSAL_TTL_MS, QuotaGate } from './quota-gate';
import { setQuotaLimit } from './set-quota-limit';
import { QUOTA_RESOURCES } from './resources';

let t: TestDatabase;
/** A second, independent set of pools on the same database: another app instance. */
let otherInstance: Db;
let tenantCount = 0;

beforeAll(async () => {
  t = await createAppTestDatabase('quotacount');
  // A different URL for the same database gets pools of its own (lib/db/pool.ts keys them by URL).
  otherInstance = getDb(`${t.url}?connectTimeout=10001`);
});
afterAll(async () => t?.drop());

const actor = { actor: { userId: 1, username: 'boss' } };

/** A fresh tenant per test, so counters and limits never leak between tests. */
async function newTenant(limits: { perMinute?: number; perDay?: number } = {}): Promise<number> {
  tenantCount += 1;
  const [row] = await t.db.insert(tenants).values({ slug: `quota-${tenantCount}`, name: `Quota ${tenantCount}` }).$returningId();
  const id = row!.id;
  if (limits.perMinute !== undefined) await setQuotaLimit(t.db, id, { resource: 'webhook_events_per_minute', limit: limits.perMinute }, actor);
  if (limits.perDay !== undefined) await setQuotaLimit(t.db, id, { resource: 'webhook_events_per_day', limit: limits.perDay }, actor);
  return id;
}

const AT = new Date('2026-03-02T10:15:30.250Z');

function webhookUse(tenantId: number, amount = 1, now = AT): QuotaUse {
  return { tenantId, metric: 'webhook_events', scope: '', amount, now, requireActiveTenant: true };
}

async function usedRows(tenantId: number) {
  const rows = await t.db.select().from(quotaUsage).where(eq(quotaUsage.tenantId, tenantId));
  return Object.fromEntries(rows.map((r) => [`${r.grain} ${new Date(r.windowStart).toISOString()}`, Number(r.used)]));
}

describe('exact counting', () => {
  it('with a limit of 100 per minute, 150 concurrent uses from two instances accept exactly 100', async () => {
    const tenantId = await newTenant({ perMinute: 100 });
    const gates = [new QuotaGate(t.db), new QuotaGate(otherInstance)];
    const decisions = await Promise.all(Array.from({ length: 150 }, (_, i) => gates[i % 2]!.take(webhookUse(tenantId))));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(100);
    expect(decisions.filter((d) => !d.allowed && d.reason === 'quota')).toHaveLength(50);
    // Both instances served some of the accepted uses: the count is shared, not per instance.
    expect(decisions.filter((d, i) => d.allowed && i % 2 === 0).length).toBeGreaterThan(0);
    expect(decisions.filter((d, i) => d.allowed && i % 2 === 1).length).toBeGreaterThan(0);
    expect(await usedRows(tenantId)).toEqual({ 'minute 2026-03-02T10:15:00.000Z': 100, 'day 2026-03-02T00:00:00.000Z': 100 });
  });

  it('a push of several events takes all of them or none, and a smaller one still fits what is left', async () => {
    const tenantId = await newTenant({ perMinute: 10 });
    expect((await consumeQuota(t.db, webhookUse(tenantId, 8))).allowed).toBe(true);
    const refused = await consumeQuota(t.db, webhookUse(tenantId, 3));
    expect(refused).toMatchObject({ allowed: false, reason: 'quota', refusedBy: { resource: 'webhook_events_per_minute', limit: 10, used: 8 } });
    expect((await consumeQuota(t.db, webhookUse(tenantId, 2))).allowed).toBe(true);
    expect(await usedRows(tenantId)).toMatchObject({ 'minute 2026-03-02T10:15:00.000Z': 10, 'day 2026-03-02T00:00:00.000Z': 10 });
  });

  it('a use that fits the minute but not the day takes nothing from either', async () => {
    const tenantId = await newTenant({ perMinute: 100, perDay: 5 });
    expect((await consumeQuota(t.db, webhookUse(tenantId, 4))).allowed).toBe(true);
    const refused = await consumeQuota(t.db, webhookUse(tenantId, 2));
    expect(refused).toMatchObject({ allowed: false, refusedBy: { resource: 'webhook_events_per_day', limit: 5, used: 4 } });
    expect(await usedRows(tenantId)).toEqual({ 'minute 2026-03-02T10:15:00.000Z': 4, 'day 2026-03-02T00:00:00.000Z': 4 });
  });

  it('windows are aligned to the UTC minute and day: the next minute starts at zero, the day keeps counting', async () => {
    const tenantId = await newTenant({ perMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await consumeQuota(t.db, webhookUse(tenantId))).allowed).toBe(true);
    const lastSecond = new Date('2026-03-02T10:15:59.999Z');
    expect((await consumeQuota(t.db, webhookUse(tenantId, 1, lastSecond))).allowed).toBe(false);
    const nextMinute = new Date('2026-03-02T10:16:00.000Z');
    const next = await consumeQuota(t.db, webhookUse(tenantId, 1, nextMinute));
    expect(next).toMatchObject({
      allowed: true,
      windows: [
        { grain: 'minute', used: 1, limit: 3, windowStart: nextMinute, resetAt: new Date('2026-03-02T10:17:00.000Z') },
        { grain: 'day', used: 4, limit: QUOTA_RESOURCES.webhook_events_per_day.defaultLimit, resetAt: new Date('2026-03-03T00:00:00.000Z') },
      ],
    });
  });

  it('a limit set by an admin is used by the next use; without one the default applies', async () => {
    const tenantId = await newTenant();
    const first = await consumeQuota(t.db, webhookUse(tenantId));
    expect(first.windows[0]).toMatchObject({ limit: QUOTA_RESOURCES.webhook_events_per_minute.defaultLimit });
    await setQuotaLimit(t.db, tenantId, { resource: 'webhook_events_per_minute', limit: 1 }, actor);
    expect(await consumeQuota(t.db, webhookUse(tenantId))).toMatchObject({ allowed: false, refusedBy: { limit: 1, used: 1 } });
  });

  it('refuses a disabled or unknown tenant without counting', async () => {
    const tenantId = await newTenant();
    await t.db.update(tenants).set({ status: 'disabled' }).where(eq(tenants.id, tenantId));
    expect(await consumeQuota(t.db, webhookUse(tenantId))).toEqual({ allowed: false, reason: 'tenant_inactive', windows: [] });
    expect(await consumeQuota(t.db, webhookUse(987_654))).toMatchObject({ allowed: false, reason: 'tenant_inactive' });
    // The counters it touched (and gave back in the same transaction) count nothing.
    expect(Object.values(await usedRows(tenantId)).every((used) => used === 0)).toBe(true);
    expect(Object.values(await usedRows(987_654)).every((used) => used === 0)).toBe(true);
  });
});

describe('the local refusal memory', () => {
  it('answers from memory only what the database already refused, and asks again after a short while', async () => {
    const tenantId = await newTenant({ perMinute: 5 });
    const gate = new QuotaGate(t.db);
    for (let i = 0; i < 4; i++) expect((await gate.take(webhookUse(tenantId))).allowed).toBe(true);
    expect((await gate.take(webhookUse(tenantId, 2))).allowed).toBe(false);
    // One still fits in what the database said was left, so it is not refused from memory.
    expect((await gate.take(webhookUse(tenantId, 1))).allowed).toBe(true);
    await setQuotaLimit(t.db, tenantId, { resource: 'webhook_events_per_minute', limit: 50 }, actor);
    // Refused from memory (the database was not asked), until the memory ages.
    expect((await gate.take(webhookUse(tenantId, 2))).allowed).toBe(false);
    const later = new Date(AT.getTime() + LOCAL_REFUSAL_TTL_MS);
    expect((await gate.take(webhookUse(tenantId, 2, later))).allowed).toBe(true);
    expect(await usedRows(tenantId)).toMatchObject({ 'minute 2026-03-02T10:15:00.000Z': 7 });
  });
});

describe('alerts', () => {
  it('raises the 80% and 100% alerts once per window, however many instances notice', async () => {
    const tenantId = await newTenant({ perMinute: 10 });
    const gates = [new QuotaGate(t.db), new QuotaGate(otherInstance), new QuotaGate(t.db)];
    await Promise.all(Array.from({ length: 30 }, (_, i) => gates[i % 3]!.take(webhookUse(tenantId))));
    const raised = await t.db.select().from(alerts).where(eq(alerts.tenantId, tenantId));
    expect(raised.map((a) => [a.kind, a.severity, a.dedupeKey]).sort()).toEqual([
      ['quota.exhausted', 'critical', 'webhook_events_per_minute||2026-03-02T10:15:00.000Z'],
      ['quota.warning', 'warning', 'webhook_events_per_minute||2026-03-02T10:15:00.000Z'],
    ]);
    // The next minute is a new window: its alerts are new ones.
    const nextMinute = new Date('2026-03-02T10:16:05Z');
    for (let i = 0; i < 8; i++) await gates[0]!.take(webhookUse(tenantId, 1, nextMinute));
    const warnings = await t.db.select().from(alerts).where(and(eq(alerts.tenantId, tenantId), eq(alerts.kind, 'quota.warning')));
    expect(warnings).toHaveLength(2);
  });
});
