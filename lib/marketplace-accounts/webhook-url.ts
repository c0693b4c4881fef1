import type { MarketplaceAccount } from '@/lib/db/schema';

/** The address a marketplace is told to push to for this account. */
export function webhookUrl(baseUrl: string, account: Pick<MarketplaceAccount, 'id' | 'marketplace'>): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/webhooks/${account.marketplace}/${account.id}`;
}
