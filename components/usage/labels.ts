import type { Messages } from '@/lib/i18n';

export type UsageLabels = Messages['usage'];
/** Marketplace names as the webhooks page shows them, for per-marketplace quotas. */
export type MarketplaceLabels = Messages['webhooks']['marketplaces'];
