/**
 * Which outbound API fields each marketplace uses: plain constants with no server code, so the
 * account forms (client components) can read them too. api-credentials.ts holds the schemas.
 */
export const API_MARKETPLACES = ['trendyol', 'hepsiburada', 'n11', 'pazarama', 'pttavm', 'amazon'] as const;
export type ApiMarketplace = (typeof API_MARKETPLACES)[number];

/** Credential fields per marketplace, in the order a form shows them. */
export const API_CREDENTIAL_FIELDS = {
  trendyol: ['apiKey', 'apiSecret'],
  hepsiburada: ['serviceKey'],
  n11: ['appKey', 'appSecret'],
  pazarama: ['clientId', 'clientSecret'],
  pttavm: ['apiKey', 'accessToken'],
  amazon: ['clientId', 'clientSecret', 'refreshToken'],
} as const satisfies Record<ApiMarketplace, readonly string[]>;

/** Every credential field name of any marketplace. */
export const API_CREDENTIAL_NAMES = ['apiKey', 'apiSecret', 'serviceKey', 'appKey', 'appSecret', 'clientId', 'clientSecret', 'accessToken', 'refreshToken'] as const;
export type ApiCredentialName = (typeof API_CREDENTIAL_NAMES)[number];

/** Which non-secret settings each marketplace's API uses. */
export const API_SETTING_FIELDS: Record<ApiMarketplace, { sellerId: boolean; integrator: boolean; marketplaceId: boolean }> = {
  /** sellerId in every path; the integrator goes into the mandatory `User-Agent: {sellerId} - {integrator}`. */
  trendyol: { sellerId: true, integrator: true, marketplaceId: false },
  /** merchantId in paths and as the Basic user name; the integrator user name is the mandatory User-Agent. */
  hepsiburada: { sellerId: true, integrator: true, marketplaceId: false },
  /** The `integrator` name every price-stock task must carry, the same on each call. */
  n11: { sellerId: false, integrator: true, marketplaceId: false },
  pazarama: { sellerId: false, integrator: false, marketplaceId: false },
  pttavm: { sellerId: false, integrator: false, marketplaceId: false },
  /** The seller id in feeds; the marketplace id (Amazon.com.tr by default). */
  amazon: { sellerId: true, integrator: false, marketplaceId: true },
};
