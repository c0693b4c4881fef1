import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { marketplaceAccounts } from '@/lib/db/schema';
import { countedOrdersWhere } from '@/lib/overview/counted-orders';
import { reportingWindow } from '@/lib/overview/reporting-window';
import { normalizeMoney, sumMoney } from '@/lib/shop/money';
import type { StoreSettings } from '@/lib/shop/store-settings';
import type { TenantDb } from '@/lib/tenants/tenant-db';

/** The channel of an order placed in the shop itself (no marketplace marker). */
export const SHOP_CHANNEL = 'shop';
/** Marketplace orders carry `{"meschain":"<account id>:<order id>"}` in custom_field (lib/orders/write-opencart-order.ts). */
const MARKER_PREFIX = '{"meschain":"';

export type BusinessDay = { date: string; byChannel: Record<string, { orders: number; revenue: string }> };
export type BusinessFigures = { tenant: string; currency: string; timeZone: string; channels: string[]; days: BusinessDay[] };

const rowSchema = z.object({ day: z.string(), account: z.string(), orders: z.coerce.number(), revenue: z.union([z.string(), z.number()]).transform(String) });

/**
 * Orders and revenue per channel and day (shop time zone) over the last 30 days, counted as the
 * overview counts them (OpenCart's processing and complete statuses). An order's channel is the
 * marketplace of the account in its marker; one OpenCart's own edit has rewritten counts as the shop's.
 */
export async function getBusinessFigures(mainDb: Db, tdb: TenantDb, settings: StoreSettings, now: Date): Promise<BusinessFigures> {
  const window = reportingWindow(now, settings.timezone);
  const where = countedOrdersWhere(tdb, settings, { start: window.monthStart, end: window.end });
  const o = tdb.oc.order;
  const rows = where
    ? await tdb.db
        .select({
          day: sql<string>`DATE_FORMAT(${o.dateAdded}, '%Y-%m-%d')`.as('day'),
          account: sql<string>`CASE WHEN LEFT(${o.customField}, ${MARKER_PREFIX.length}) = ${MARKER_PREFIX}
            THEN SUBSTRING_INDEX(SUBSTRING(${o.customField}, ${MARKER_PREFIX.length + 1}), ':', 1) ELSE '' END`.as('account'),
          orders: sql<number>`COUNT(*)`.as('orders'),
          revenue: sql<string>`SUM(${o.total})`.as('revenue'),
        })
        .from(o)
        .where(where)
        .groupBy(sql`day`, sql`account`)
        .then((r) => z.array(rowSchema).parse(r))
    : [];
  const accountIds = [...new Set(rows.map((r) => Number(r.account)).filter((id) => Number.isInteger(id) && id > 0))];
  const accounts = accountIds.length
    ? await mainDb.select({ id: marketplaceAccounts.id, marketplace: marketplaceAccounts.marketplace, tenantId: marketplaceAccounts.tenantId }).from(marketplaceAccounts).where(inArray(marketplaceAccounts.id, accountIds))
    : [];
  const channelOf = new Map(accounts.filter((a) => a.tenantId === tdb.tenant.id).map((a) => [String(a.id), a.marketplace as string]));
  const byDay = new Map<string, Record<string, { orders: number; revenue: string }>>();
  const channels = new Set<string>();
  for (const r of rows) {
    const channel = channelOf.get(r.account) ?? SHOP_CHANNEL;
    channels.add(channel);
    const day = byDay.get(r.day) ?? {};
    const prev = day[channel];
    day[channel] = prev
      ? { orders: prev.orders + r.orders, revenue: sumMoney([prev.revenue, r.revenue]) }
      : { orders: r.orders, revenue: normalizeMoney(r.revenue) };
    byDay.set(r.day, day);
  }
  return {
    tenant: tdb.tenant.slug,
    currency: settings.currencyCode,
    timeZone: settings.timezone,
    channels: [...channels].sort(),
    days: window.days.map((date) => ({ date, byChannel: byDay.get(date) ?? {} })),
  };
}
