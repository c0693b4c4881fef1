import { INTL_LOCALE, type Locale } from '@/lib/i18n/locale';

/** A percentage as people write it: `30.00` → `30`, `12.50` → `12,5` in Turkish. */
export function percentText(value: string, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 2 }).format(Number(value));
}
