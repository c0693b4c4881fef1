import { format, getMessages, INTL_LOCALE, type Locale } from '@/lib/i18n';
import type { QuotaExceededError } from './quota-exceeded-error';

/** A refusal over a quota in the asker's language: which quota, its limit and what is used. */
export function quotaExceededText(err: QuotaExceededError, locale: Locale): string {
  const m = getMessages(locale).usage;
  const number = new Intl.NumberFormat(INTL_LOCALE[locale]);
  return format(m.quotaExceeded, {
    quota: format(m.resources[err.resource], { marketplace: '' }).trim(),
    limit: number.format(err.limit),
    used: number.format(err.used),
  });
}
