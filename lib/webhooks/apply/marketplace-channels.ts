import type { MarketplaceName } from '@/lib/marketplaces/names';

/** How an order's channel reads in OpenCart (payment method, history comments). */
export const MARKETPLACE_CHANNEL_NAMES: Readonly<Record<MarketplaceName, string>> = {
  trendyol: 'Trendyol',
  hepsiburada: 'Hepsiburada',
  n11: 'N11',
  pazarama: 'Pazarama',
  pttavm: 'PttAVM',
  amazon: 'Amazon',
  generic: 'Marketplace',
};
