import { z } from 'zod';
import { openSecret, sealSecret } from '@/lib/crypto/secret-box';
import type { MarketplaceName } from '@/lib/marketplaces/names';

import { API_MARKETPLACES, type ApiMarketplace } from './api-fields';

export { API_CREDENTIAL_FIELDS, API_MARKETPLACES, API_SETTING_FIELDS, type ApiMarketplace } from './api-fields';

export function isApiMarketplace(marketplace: MarketplaceName): marketplace is ApiMarketplace {
  return (API_MARKETPLACES as readonly string[]).includes(marketplace);
}

/** A key, secret or token as the marketplace issued it: visible ASCII, no spaces. */
const credentialSchema = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(2048)
  .regex(/^[\x21-\x7e]+$/, 'Visible ASCII characters only, without spaces');

/**
 * The secrets each marketplace's API needs, by the names its documentation uses:
 * Trendyol Basic apiKey:apiSecret; Hepsiburada Basic merchantId:serviceKey (the "Servis Anahtarı");
 * N11 `appkey`/`appsecret` headers; Pazarama OAuth client credentials; PttAVM `Api-Key` and
 * `access-token` headers; Amazon SP-API's Login with Amazon client and the seller's refresh token.
 */
export const apiCredentialSchemas = {
  trendyol: z.object({ apiKey: credentialSchema, apiSecret: credentialSchema }).strict(),
  hepsiburada: z.object({ serviceKey: credentialSchema }).strict(),
  n11: z.object({ appKey: credentialSchema, appSecret: credentialSchema }).strict(),
  pazarama: z.object({ clientId: credentialSchema, clientSecret: credentialSchema }).strict(),
  pttavm: z.object({ apiKey: credentialSchema, accessToken: credentialSchema }).strict(),
  amazon: z.object({ clientId: credentialSchema, clientSecret: credentialSchema, refreshToken: credentialSchema }).strict(),
} satisfies Record<ApiMarketplace, z.ZodType>;

export type ApiCredentials = { [M in ApiMarketplace]: z.infer<(typeof apiCredentialSchemas)[M]> };

/** Non-secret API options; what a marketplace does not use is ignored. */
export const apiOptionsSchema = z.object({
  integrator: z
    .string()
    .trim()
    .max(30)
    .regex(/^[A-Za-z0-9 ._-]*$/, 'Letters, digits, spaces, ".", "_" and "-" only')
    .optional(),
  marketplaceId: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{0,32}$/, 'An Amazon marketplace id such as A33AVAJ2PDY3EV')
    .optional(),
});
export type ApiOptions = z.infer<typeof apiOptionsSchema>;

/** Empty (the marketplace's production hosts) or an http(s) URL, kept without a trailing slash. */
export const apiBaseUrlSchema = z
  .string()
  .trim()
  .max(255)
  .refine((v) => v === '' || z.url({ protocol: /^https?$/ }).safeParse(v).success, 'An http:// or https:// URL')
  .transform((v) => v.replace(/\/+$/, ''));

export const apiSellerIdSchema = z
  .string()
  .trim()
  .max(64)
  .regex(/^[A-Za-z0-9_-]*$/, 'Letters, digits, "_" and "-" only');

/** Credentials as a form posts them, checked against the marketplace's own schema by the verbs. */
export const apiCredentialsInputSchema = z.record(z.string(), z.string());

/** Issues of credentials given for a marketplace, with paths under `apiCredentials`. */
export function apiCredentialIssues(marketplace: MarketplaceName, credentials: Record<string, string>): z.core.$ZodIssue[] {
  if (!isApiMarketplace(marketplace)) {
    return [{ code: 'custom', path: ['apiCredentials'], message: `${marketplace} has no API to call`, input: undefined }];
  }
  const parsed = apiCredentialSchemas[marketplace].safeParse(credentials);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ ...issue, path: ['apiCredentials', ...issue.path] }));
}

const sealedApiCredentialsSchema = z.object({ marketplace: z.enum(API_MARKETPLACES), credentials: z.record(z.string(), z.string()) });

export function sealApiCredentials(marketplace: ApiMarketplace, credentials: Record<string, string>, key: Buffer): string {
  const checked = apiCredentialSchemas[marketplace].parse(credentials);
  return sealSecret(JSON.stringify({ marketplace, credentials: checked }), key);
}

/** The credentials sealed for the account; throws if they were sealed for another marketplace. */
export function openApiCredentials<M extends ApiMarketplace>(marketplace: M, sealed: string, key: Buffer): ApiCredentials[M] {
  const stored = sealedApiCredentialsSchema.parse(JSON.parse(openSecret(sealed, key)));
  if (stored.marketplace !== marketplace) throw new Error(`The stored API credentials are ${stored.marketplace}'s, not ${marketplace}'s`);
  return apiCredentialSchemas[marketplace].parse(stored.credentials) as ApiCredentials[M];
}
