import { API_CREDENTIAL_FIELDS, API_SETTING_FIELDS, isApiMarketplace } from '@/lib/marketplace-accounts';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import { PRODUCTION_HOSTS } from '@/lib/marketplaces/outbound/defaults';
import type { ApiFieldsSpec } from '@/components/accounts/api-fields';

/** The API fields a marketplace's account form shows; null for one we do not call. */
export function apiSpecOf(marketplace: MarketplaceName): ApiFieldsSpec | null {
  if (!isApiMarketplace(marketplace)) return null;
  const hosts: Record<string, string> = PRODUCTION_HOSTS[marketplace];
  return {
    ...API_SETTING_FIELDS[marketplace],
    credentials: API_CREDENTIAL_FIELDS[marketplace],
    defaultUrl: Object.values(hosts).join(', '),
  };
}
