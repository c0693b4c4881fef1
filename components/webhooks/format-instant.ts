import { INTL_LOCALE, type Locale } from '@/lib/i18n/locale';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, create: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let cached = formatters.get(key);
  if (!cached) {
    cached = create();
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * An ISO instant as a date and time in the shop's time zone. Server and browser format with the same
 * zone, so the hydrated text matches the server's.
 */
export function formatInstant(iso: string, locale: Locale, timeZone: string, style: 'short' | 'medium' = 'medium'): string {
  const intlLocale = INTL_LOCALE[locale];
  return formatter(`instant:${intlLocale}:${timeZone}:${style}`, () =>
    new Intl.DateTimeFormat(intlLocale, { dateStyle: style, timeStyle: 'medium', timeZone }),
  ).format(new Date(iso));
}

/** An instant as HH:MM:SS in the shop's time zone: when the list was last refreshed. */
export function formatClock(instant: number, locale: Locale, timeZone: string): string {
  const intlLocale = INTL_LOCALE[locale];
  return formatter(`clock:${intlLocale}:${timeZone}`, () =>
    new Intl.DateTimeFormat(intlLocale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone }),
  ).format(new Date(instant));
}
