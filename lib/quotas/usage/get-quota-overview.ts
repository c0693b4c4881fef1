import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { marketplaceAccounts } from '@/lib/db/schema';
import { MARKETPLACES, type MarketplaceName } from '@/lib/marketplaces/names';
import { listQuotaLimits } from '../quota-limits';
import { definitionOf, QUOTA_RESOURCE_NAMES, type QuotaMetric, type QuotaResource, type QuotaWindow } from '../resources';
import { MS_PER_DAY, MS_PER_MINUTE, windowEnd, windowStart } from '../windows';
import { projectTimeToLimit, type Point, type Projection } from './fit-line';
import { FIT_MINUTES, linkedProductSeries, recentMinuteCounts, todayCounts, windowedSeries, type Bucket, type MinuteCount } from './usage-rows';

/** How far ahead a projection is worth saying for quotas without a window end. */
const LEVEL_HORIZON_MS = 30 * MS_PER_DAY;
const MINUTE_HORIZON_MS = MS_PER_DAY;

export type QuotaStatus = {
  resource: QuotaResource;
  scope: string;
  window: QuotaWindow;
  limit: number;
  /** No limit row: the resource's default applies. */
  isDefault: boolean;
  /** Null where nothing measures it yet (backup storage before backups exist). */
  used: number | null;
  percent: number | null;
  /** When the window's count starts again (ISO); null for levels. */
  resetsAt: string | null;
  projection: Projection;
};

export type UsageSeries = { metric: QuotaMetric; hours: Bucket[]; days: Bucket[] };

export type QuotaOverview = { generatedAt: string; quotas: QuotaStatus[]; series: UsageSeries[] };

/** Marketplaces whose API the tenant calls: those with accounts (generic has no API), and any with a limit or recent use. */
async function apiScopes(db: Db, tenantId: number, extra: Iterable<string>): Promise<MarketplaceName[]> {
  const rows = await db
    .selectDistinct({ marketplace: marketplaceAccounts.marketplace })
    .from(marketplaceAccounts)
    .where(and(eq(marketplaceAccounts.tenantId, tenantId), ne(marketplaceAccounts.marketplace, 'generic')));
  const scopes = new Set<string>([...rows.map((r) => r.marketplace), ...extra]);
  return MARKETPLACES.filter((m) => scopes.has(m));
}

function minutePoints(counts: MinuteCount[], metric: QuotaMetric, scope: string, now: number): Point[] {
  const current = windowStart('minute', now).getTime();
  const byStart = new Map(counts.filter((c) => c.metric === metric && c.scope === scope).map((c) => [c.start, c.used]));
  // The complete minutes of the last hour; the current one is still filling.
  return Array.from({ length: FIT_MINUTES }, (_, i) => current - (FIT_MINUTES - i) * MS_PER_MINUTE).map((start) => ({ x: start, y: byStart.get(start) ?? 0 }));
}

/** Today's running total at the end of each of the last hour's minutes (those inside today). */
function cumulativeTodayPoints(perMinute: Point[], usedToday: number, now: number): Point[] {
  const dayStart = windowStart('day', now).getTime();
  const current = windowStart('minute', now).getTime();
  const inToday = perMinute.filter((p) => p.x >= dayStart);
  // The running total before the first of those minutes; the current minute's uses are in usedToday but not in the fit.
  let level = usedToday - inToday.reduce((s, p) => s + p.y, 0);
  const points: Point[] = [];
  for (const p of inToday) {
    level += p.y;
    points.push({ x: p.x + MS_PER_MINUTE, y: level });
  }
  return points.filter((p) => p.x <= current);
}

function percentOf(used: number | null, limit: number): number | null {
  if (used === null) return null;
  if (limit === 0) return used > 0 ? 100 : 0;
  return Math.round((used / limit) * 1000) / 10;
}

/**
 * Every quota of a tenant as it stands: use, limit, percent, when it resets and the projected time to
 * the limit from a linear fit (per-minute counts over the last hour for per-minute quotas; today's
 * running total over the last hour for per-day ones; the hourly level over the last day for levels),
 * and the charts' series. Reads only the tenant's own rows.
 */
export async function getQuotaOverview(db: Db, tenantId: number, now: number = Date.now()): Promise<QuotaOverview> {
  const [limits, minutes, today, links, webhookSeries, apiSeries, gdprSeries] = await Promise.all([
    listQuotaLimits(db, tenantId),
    recentMinuteCounts(db, tenantId, now),
    todayCounts(db, tenantId, now),
    linkedProductSeries(db, tenantId, now),
    windowedSeries(db, tenantId, 'webhook_events', now),
    windowedSeries(db, tenantId, 'api_calls', now),
    windowedSeries(db, tenantId, 'gdpr_exports', now),
  ]);
  const limitOf = new Map(limits.map((l) => [`${l.resource}|${l.scope}`, l.limit]));
  const scopes = await apiScopes(db, tenantId, [
    ...limits.filter((l) => l.resource === 'api_calls_per_minute').map((l) => l.scope),
    ...minutes.filter((m) => m.metric === 'api_calls').map((m) => m.scope),
  ]);
  const currentMinute = windowStart('minute', now).getTime();

  const quotas: QuotaStatus[] = [];
  for (const resource of QUOTA_RESOURCE_NAMES) {
    const def = definitionOf(resource);
    for (const scope of def.perMarketplace ? scopes : ['']) {
      const own = limitOf.get(`${resource}|${scope}`);
      const limit = own ?? def.defaultLimit;
      let used: number | null;
      let projection: Projection;
      let resetsAt: string | null = null;
      if (def.window === 'minute') {
        used = minutes.find((m) => m.metric === def.metric && m.scope === scope && m.start === currentMinute)?.used ?? 0;
        projection = projectTimeToLimit({ points: minutePoints(minutes, def.metric, scope, now), limit, current: used, now, before: now + MINUTE_HORIZON_MS });
        resetsAt = windowEnd('minute', now).toISOString();
      } else if (def.window === 'day') {
        used = today.get(`${def.metric}|${scope}`) ?? 0;
        const points = cumulativeTodayPoints(minutePoints(minutes, def.metric, scope, now), used, now);
        projection = projectTimeToLimit({ points, limit, current: used, now, before: windowEnd('day', now).getTime() });
        resetsAt = windowEnd('day', now).toISOString();
      } else if (resource === 'linked_products') {
        used = links.current;
        const points = links.hours.map((b) => ({ x: b.start + 3_600_000, y: b.value }));
        projection = projectTimeToLimit({ points, limit, current: used, now, before: now + LEVEL_HORIZON_MS });
      } else {
        // Backups come with a later feature; until then nothing is stored to measure.
        used = null;
        projection = { kind: 'unknown' };
      }
      quotas.push({ resource, scope, window: def.window, limit, isDefault: own === undefined, used, percent: percentOf(used, limit), resetsAt, projection });
    }
  }

  return {
    generatedAt: new Date(now).toISOString(),
    quotas,
    series: [
      { metric: 'webhook_events', ...webhookSeries },
      { metric: 'api_calls', ...apiSeries },
      { metric: 'linked_products', hours: links.hours, days: links.days },
      { metric: 'gdpr_exports', ...gdprSeries },
    ],
  };
}
