import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { alertThresholds, auditLog, tenants } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { addTenant } from '@/lib/monitoring/monitoring.test-helper';
import { ALERT_THRESHOLD_DEFAULTS, getAlertThresholds } from './thresholds';
import { setAlertThresholds } from './set-alert-thresholds';

let t: TestDatabase;
let shopId: number;
let otherId: number;
const ctx = { actor: { userId: 1, username: 'admin' }, request: { ip: '127.0.0.1', userAgent: 'test' } };

beforeAll(async () => {
  t = await createAppTestDatabase('thresholds');
  const [def] = await t.db.select().from(tenants).where(eq(tenants.slug, 'default'));
  shopId = def!.id;
  otherId = await addTenant(t.db, 'other');
}, 120_000);
afterAll(async () => t?.drop());

describe('setAlertThresholds', () => {
  it('stores what differs from the defaults, for this shop only, with an audit row of old and new values', async () => {
    const wanted = { ...ALERT_THRESHOLD_DEFAULTS, processing_lag_seconds: 120, gdpr_due_days: 5 };
    await setAlertThresholds(t.db, shopId, wanted, ctx);
    expect(await getAlertThresholds(t.db, shopId)).toEqual(wanted);
    expect(await getAlertThresholds(t.db, otherId)).toEqual(ALERT_THRESHOLD_DEFAULTS);
    const rows = await t.db.select().from(alertThresholds).where(eq(alertThresholds.tenantId, shopId));
    expect(rows.map((r) => r.name).sort()).toEqual(['gdpr_due_days', 'processing_lag_seconds']);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'alert.thresholds.set'), eq(auditLog.tenantId, shopId)));
    expect(audit).toMatchObject({ actorUsername: 'admin', before: ALERT_THRESHOLD_DEFAULTS, after: wanted });
  });

  it('setting a value back to its default removes the override', async () => {
    await setAlertThresholds(t.db, shopId, { ...ALERT_THRESHOLD_DEFAULTS, gdpr_due_days: 5 }, ctx);
    const rows = await t.db.select().from(alertThresholds).where(eq(alertThresholds.tenantId, shopId));
    expect(rows.map((r) => r.name)).toEqual(['gdpr_due_days']);
  });

  it('refuses values out of bounds or not whole, and changes nothing', async () => {
    const before = await getAlertThresholds(t.db, shopId);
    for (const bad of [{ error_rate_percent: 0 }, { error_rate_percent: 101 }, { processing_lag_seconds: 1.5 }, { gdpr_due_days: -1 }]) {
      await expect(setAlertThresholds(t.db, shopId, { ...ALERT_THRESHOLD_DEFAULTS, ...bad }, ctx)).rejects.toBeInstanceOf(ServiceError);
    }
    expect(await getAlertThresholds(t.db, shopId)).toEqual(before);
  });
});
