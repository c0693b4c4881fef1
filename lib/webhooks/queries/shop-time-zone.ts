import { isKnownTimeZone } from '@/lib/overview/reporting-window';
import type { StoreSettings } from '@/lib/shop/store-settings';

/** The shop's config_timezone, or UTC when it names no zone Intl knows: event times and date filters use it. */
export function shopTimeZone(settings: Pick<StoreSettings, 'timezone'>): string {
  return isKnownTimeZone(settings.timezone) ? settings.timezone : 'UTC';
}
