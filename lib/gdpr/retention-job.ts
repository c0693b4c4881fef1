import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import type { JobDefinition } from '@/lib/jobs/types';
import { selectRows } from '@/lib/orders/raw-sql';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { addMonths } from './deadlines';
import { createRequest } from './requests';
import { runErasure } from './run-erasure';
import { getGdprSettings } from './settings';

const RETENTION_ACTOR = { actor: { userId: null, username: 'gdpr-retention' } };
/** Customers erased per run at most; the rest wait for the next run. */
export const RETENTION_BATCH = 25;

function sqlDate(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Customers with no sign of life since the cut-off: account created before it, and no order, login,
 * IP record or activity after it (storage limitation, GDPR art. 5(1)(e); KVKK art. 7).
 */
export async function findInactiveCustomers(shop: TenantDb, cutoff: Date, limit: number): Promise<Array<{ customerId: number; email: string }>> {
  const { oc } = shop;
  const at = sqlDate(cutoff);
  const rows = await selectRows(
    shop.db,
    sql`SELECT c.customer_id, c.email FROM ${oc.customer} c
        WHERE c.date_added < ${at} AND c.email <> ''
          AND NOT EXISTS (SELECT 1 FROM ${oc.order} o WHERE o.customer_id = c.customer_id AND o.date_added >= ${at})
          AND NOT EXISTS (SELECT 1 FROM ${oc.customerLogin} l WHERE l.email = c.email AND l.date_modified >= ${at})
          AND NOT EXISTS (SELECT 1 FROM ${oc.customerIp} i WHERE i.customer_id = c.customer_id AND i.date_added >= ${at})
          AND NOT EXISTS (SELECT 1 FROM ${oc.customerActivity} a WHERE a.customer_id = c.customer_id AND a.date_added >= ${at})
        ORDER BY c.customer_id LIMIT ${limit}`,
    z.object({ customer_id: z.coerce.number(), email: z.string() }),
  );
  return rows.map((r) => ({ customerId: r.customer_id, email: r.email }));
}

/** Anonymises inactive customers when the tenant set a period (off by default): one recorded erasure request each. */
export async function runGdprRetention(mainDb: Db, mainDatabaseUrl: string, shop: TenantDb, shouldStop: () => boolean, now = new Date()) {
  const settings = await getGdprSettings(mainDb, shop.tenant.id);
  if (settings.inactiveCustomerMonths === null) return { counts: { erased: 0 }, more: false };
  const inactive = await findInactiveCustomers(shop, addMonths(now, -settings.inactiveCustomerMonths), RETENTION_BATCH);
  let erased = 0;
  for (const customer of inactive) {
    if (shouldStop()) return { counts: { erased }, more: true };
    const requestId = await createRequest(
      mainDb,
      {
        tenantId: shop.tenant.id,
        type: 'erasure',
        source: 'admin',
        email: customer.email,
        customerId: customer.customerId,
        language: 'en',
        details: `Retention: inactive for ${settings.inactiveCustomerMonths} months`,
        identityMethod: 'other',
        identityNote: 'retention policy',
        receivedAt: now,
      },
      RETENTION_ACTOR,
    );
    await runErasure({ shop, mainDb, mainDatabaseUrl, requestId }, RETENTION_ACTOR);
    erased += 1;
  }
  return { counts: { erased }, more: inactive.length === RETENTION_BATCH };
}

/** Optional (a tenant setting): daily anonymisation of customers inactive longer than the tenant allows. */
export const gdprRetentionJob: JobDefinition = {
  name: 'gdpr-retention',
  title: { tr: 'KVKK/GDPR saklama', en: 'GDPR retention' },
  budgetMs: 50_000,
  countLabels: { erased: { tr: 'Anonimleştirilen müşteriler', en: 'Customers anonymised' } },
  run(ctx) {
    return runGdprRetention(ctx.mainDb, ctx.mainDatabaseUrl, ctx.tenant, ctx.shouldStop);
  },
};
