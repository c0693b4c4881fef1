import { INTL_LOCALE, format, type Locale } from '@/lib/i18n/locale';
import type { MonitoringRange } from '@/lib/monitoring/dashboard/range';
import type { BucketPercentile } from '@/lib/monitoring/dashboard/webhook-series';
import type { MonitoringLabels } from '@/lib/i18n/messages/monitoring';

const SECOND_MS = 1_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** X-axis text of a step: clock time for hours, day and time for days. */
export function stepFormatter(range: MonitoringRange, locale: Locale, timeZone: string) {
  const withDay = range === '7d' || range === '30d';
  const f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone,
    ...(withDay ? { day: 'numeric', month: 'short' } : {}),
    ...(range === '30d' ? {} : { hour: '2-digit', minute: '2-digit' }),
  });
  return (iso: string) => f.format(new Date(iso));
}

export function formatDuration(ms: number, locale: Locale): string {
  const n = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 });
  if (ms < SECOND_MS) return `${n.format(ms)} ms`;
  if (ms < MINUTE_MS) return `${n.format(ms / SECOND_MS)} s`;
  if (ms < HOUR_MS) return `${n.format(ms / MINUTE_MS)} min`;
  return `${n.format(ms / HOUR_MS)} h`;
}

/** A bucket percentile as "≤ bound", or "> last bound" when it fell in the open bucket. */
export function formatPercentile(p: BucketPercentile, locale: Locale, labels: MonitoringLabels): string {
  if (!p) return '–';
  const text = formatDuration(p.ms, locale);
  return p.above ? format(labels.units.above, { value: text }) : `≤ ${text}`;
}

export function formatInteger(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(value);
}
