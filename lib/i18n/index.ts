import { z } from 'zod';
import { commonMessages } from './messages/common';
import { authMessages } from './messages/auth';
import { overviewMessages } from './messages/overview';
import { webhooksMessages } from './messages/webhooks';
import { accountsMessages } from './messages/accounts';
import { jobsMessages } from './messages/jobs';
import { monitoringMessages } from './messages/monitoring';
import { tenantsMessages } from './messages/tenants';
import { usageMessages } from './messages/usage';
import { productsMessages } from './messages/products';
import { pricingMessages } from './messages/pricing';
import { backupsMessages } from './messages/backups';
import { gdprMessages } from './messages/gdpr';

import { LOCALES, type Locale } from './locale';

export { LOCALES, INTL_LOCALE, format, type Locale } from './locale';
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_COOKIE = 'msc_locale';
/** The chosen language is remembered for a year. */
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

export const localeSchema = z.enum(LOCALES);

/** The remembered choice first, else the browser's first language we speak. */
export function pickLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  const fromCookie = localeSchema.safeParse(cookieValue);
  if (fromCookie.success) return fromCookie.data;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    const parsed = localeSchema.safeParse(tag);
    if (parsed.success) return parsed.data;
  }
  return DEFAULT_LOCALE;
}

export function getMessages(locale: Locale) {
  return {
    common: commonMessages[locale],
    auth: authMessages[locale],
    overview: overviewMessages[locale],
    webhooks: webhooksMessages[locale],
    accounts: accountsMessages[locale],
    jobs: jobsMessages[locale],
    monitoring: monitoringMessages[locale],
    products: productsMessages[locale],
    tenants: tenantsMessages[locale],
    usage: usageMessages[locale],
    pricing: pricingMessages[locale],
    backups: backupsMessages[locale],
    gdpr: gdprMessages[locale],
  };
}

export type Messages = ReturnType<typeof getMessages>;

