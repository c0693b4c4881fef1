/** Marketplaces with an adapter; `generic` is any other source pushing Standard Webhooks. */
export const MARKETPLACES = ['trendyol', 'hepsiburada', 'n11', 'pazarama', 'pttavm', 'amazon', 'generic'] as const;
export type MarketplaceName = (typeof MARKETPLACES)[number];

/** How a marketplace authenticates its pushes to us (no marketplace signs; only `generic` uses HMAC). */
export const WEBHOOK_AUTH_TYPES = ['basic', 'apikey', 'hmac'] as const;
export type WebhookAuthType = (typeof WEBHOOK_AUTH_TYPES)[number];

/** The OpenCart product column a marketplace SKU or barcode is matched against. */
export const SKU_MATCH_FIELDS = ['sku', 'model', 'ean', 'upc', 'mpn'] as const;
export type SkuMatchField = (typeof SKU_MATCH_FIELDS)[number];
