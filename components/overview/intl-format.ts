import { INTL_LOCALE, type Locale } from '@/lib/i18n/locale';

// Order dates hold the shop's wall-clock time; reading and printing them both as UTC shows them unchanged,
// and server and browser format alike, so hydration sees the same text.
const DISPLAY_TIME_ZONE = 'UTC';
const CURRENCY_CODE_PATTERN = /^[A-Za-z]{3}$/;

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(key: string, create: () => Intl.NumberFormat): Intl.NumberFormat {
  const cached = formatters.get(key);
  if (cached instanceof Intl.NumberFormat) return cached;
  const created = create();
  formatters.set(key, created);
  return created;
}

function dateFormat(key: string, create: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  const cached = formatters.get(key);
  if (cached instanceof Intl.DateTimeFormat) return cached;
  const created = create();
  formatters.set(key, created);
  return created;
}

/**
 * A money string (`"1234.5000"`) in a currency. OpenCart accepts any three letters as a currency
 * code; one Intl does not know still gets its code shown, after a plain number.
 */
export function formatMoney(amount: string | number, currencyCode: string, locale: Locale, compact = false): string {
  const value = Number(amount);
  const intlLocale = INTL_LOCALE[locale];
  if (!CURRENCY_CODE_PATTERN.test(currencyCode)) {
    const plain = numberFormat(`plain:${intlLocale}`, () => new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 2 }));
    return `${plain.format(value)} ${currencyCode}`;
  }
  const currency = currencyCode.toUpperCase();
  return numberFormat(`money:${intlLocale}:${currency}:${compact}`, () =>
    new Intl.NumberFormat(intlLocale, {
      style: 'currency',
      currency,
      ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
    }),
  ).format(value);
}

export function formatCount(count: number, locale: Locale): string {
  const intlLocale = INTL_LOCALE[locale];
  return numberFormat(`count:${intlLocale}`, () => new Intl.NumberFormat(intlLocale)).format(count);
}

/** Picks `one` or `other` for a count by the locale's plural rules. */
export function pluralLabel(forms: { one: string; other: string }, count: number, locale: Locale): string {
  return new Intl.PluralRules(INTL_LOCALE[locale]).select(count) === 'one' ? forms.one : forms.other;
}

/** `YYYY-MM-DD HH:MM:SS` (UTC, as read from OpenCart) as a date and time; zero dates stay as they are. */
export function formatDateTime(value: string, locale: Locale): string {
  const instant = new Date(`${value.replace(' ', 'T')}Z`);
  if (Number.isNaN(instant.getTime())) return value;
  const intlLocale = INTL_LOCALE[locale];
  return dateFormat(`datetime:${intlLocale}`, () =>
    new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: DISPLAY_TIME_ZONE }),
  ).format(instant);
}

/** `YYYY-MM-DD` (a UTC calendar day) as a short day and month, e.g. "15 Mar". */
export function formatDay(value: string, locale: Locale, withYear = false): string {
  const instant = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return value;
  const intlLocale = INTL_LOCALE[locale];
  return dateFormat(`day:${intlLocale}:${withYear}`, () =>
    new Intl.DateTimeFormat(intlLocale, {
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: DISPLAY_TIME_ZONE,
    }),
  ).format(instant);
}
