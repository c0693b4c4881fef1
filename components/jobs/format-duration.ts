import { INTL_LOCALE, type Locale } from '@/lib/i18n/locale';

const MS_PER_SECOND = 1_000;
const SECONDS_PER_MINUTE = 60;
const formatters = new Map<string, Intl.NumberFormat>();

function unitFormat(locale: Locale, unit: 'millisecond' | 'second' | 'minute', fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}:${unit}:${fractionDigits}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: fractionDigits });
    formatters.set(key, cached);
  }
  return cached;
}

/** A run's duration in the reader's language: "850 ms", "12.4 sec", "2 min 5 sec". */
export function formatDuration(ms: number, locale: Locale): string {
  if (ms < MS_PER_SECOND) return unitFormat(locale, 'millisecond', 0).format(Math.round(ms));
  const seconds = ms / MS_PER_SECOND;
  if (seconds < SECONDS_PER_MINUTE) return unitFormat(locale, 'second', 1).format(seconds);
  const minutes = Math.floor(seconds / SECONDS_PER_MINUTE);
  const rest = Math.round(seconds - minutes * SECONDS_PER_MINUTE);
  const minutesText = unitFormat(locale, 'minute', 0).format(minutes);
  return rest > 0 ? `${minutesText} ${unitFormat(locale, 'second', 0).format(rest)}` : minutesText;
}
