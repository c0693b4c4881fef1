import { format, INTL_LOCALE, type Locale } from '@/lib/i18n/locale';
import type { QuotaStatus } from '@/lib/quotas/usage';
import type { MarketplaceLabels, UsageLabels } from './labels';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;
const KIB = 1024;

export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 }).format(value);
}

export function formatBytes(bytes: number, locale: Locale): string {
  let value = bytes;
  let unit = 0;
  while (value >= KIB && unit < UNITS.length - 1) {
    value /= KIB;
    unit++;
  }
  return `${new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${UNITS[unit]}`;
}

export function formatShare(share: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_HOUR = 60;
const HOURS_PER_DAY = 24;

/** A wait in words: "45 min", "3 h 20 min", "2 d 4 h" (unit symbols read the same in Turkish and English). */
export function formatWait(ms: number, locale: Locale): string {
  const n = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const minutes = Math.max(1, Math.round(ms / MS_PER_MINUTE));
  if (minutes < MINUTES_PER_HOUR) return `${n.format(minutes)} min`;
  const hours = Math.floor(minutes / MINUTES_PER_HOUR);
  if (hours < HOURS_PER_DAY) return `${n.format(hours)} h ${n.format(minutes % MINUTES_PER_HOUR)} min`;
  return `${n.format(Math.floor(hours / HOURS_PER_DAY))} d ${n.format(hours % HOURS_PER_DAY)} h`;
}

/** "API calls per minute to Trendyol", "Webhook events per day", … */
export function quotaName(q: Pick<QuotaStatus, 'resource' | 'scope'>, labels: UsageLabels, marketplaces: MarketplaceLabels): string {
  const marketplace = q.scope in marketplaces ? marketplaces[q.scope as keyof MarketplaceLabels] : q.scope;
  return format(labels.resources[q.resource], { marketplace });
}

/** A quota's amounts in its unit: bytes for storage, counts otherwise. */
export function formatAmount(q: Pick<QuotaStatus, 'resource'>, value: number, locale: Locale): string {
  return q.resource === 'backup_storage_bytes' ? formatBytes(value, locale) : formatCount(value, locale);
}
