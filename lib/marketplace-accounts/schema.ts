import { z } from 'zod';
import { ACCOUNT_STATUSES } from '@/lib/db/schema';
import { MARKETPLACES, SKU_MATCH_FIELDS, WEBHOOK_AUTH_TYPES } from '@/lib/marketplaces/names';
import { secretProblem } from './account-secrets';
import {
  apiBaseUrlSchema,
  apiCredentialIssues,
  apiCredentialsInputSchema,
  apiOptionsSchema,
  apiSellerIdSchema,
} from './api-credentials';

/** Adapter-specific options (a seller id, a store code): any JSON object. */
export const accountSettingsSchema = z.record(z.string(), z.json());
export type AccountSettings = z.infer<typeof accountSettingsSchema>;

export const accountNameSchema = z.string().trim().min(1, 'A name is required').max(128);

/** RFC 7617: a Basic user name cannot hold a colon; we also keep it to visible ASCII. */
export const authUsernameSchema = z
  .string()
  .trim()
  .max(128)
  .regex(/^[\x21-\x39\x3b-\x7e]*$/, 'Visible ASCII characters only, without ":"');

/** An HTTP header name (RFC 9110 token), stored lower-cased as Node reports incoming headers. */
export const apiKeyHeaderSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'An HTTP header name')
  .transform((h) => h.toLowerCase())
  .refine((h) => !['authorization', 'content-type', 'content-length', 'host', 'cookie'].includes(h), {
    message: 'This header is used by HTTP itself',
  });

export const accountStatusSchema = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const createAccountSchema = z
  .object({
    tenantId: z.number().int().positive(),
    marketplace: z.enum(MARKETPLACES),
    name: accountNameSchema,
    authType: z.enum(WEBHOOK_AUTH_TYPES),
    authUsername: authUsernameSchema.default(''),
    apiKeyHeader: apiKeyHeaderSchema.default('x-api-key'),
    /** Leave out to have a strong one generated. */
    secret: z.string().optional(),
    skuMatch: z.enum(SKU_MATCH_FIELDS).default('sku'),
    settings: accountSettingsSchema.default({}),
    /** Outbound API: where to call (empty: the marketplace's production hosts), the seller id, options. */
    apiBaseUrl: apiBaseUrlSchema.default(''),
    apiSellerId: apiSellerIdSchema.default(''),
    apiOptions: apiOptionsSchema.default({}),
    /** The marketplace's API credentials (see api-credentials.ts); stored only sealed. */
    apiCredentials: apiCredentialsInputSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.apiCredentials) for (const issue of apiCredentialIssues(v.marketplace, v.apiCredentials)) ctx.addIssue({ ...issue });
    if (v.authType === 'basic' && v.authUsername === '') {
      ctx.addIssue({ code: 'custom', path: ['authUsername'], message: 'Basic authentication needs a user name' });
    }
    const problem = v.secret === undefined ? null : secretProblem(v.authType, v.secret);
    if (problem) ctx.addIssue({ code: 'custom', path: ['secret'], message: problem });
  });
export type CreateAccountInput = z.input<typeof createAccountSchema>;

/**
 * What an admin may change after creation; the auth type and the secret have their own verbs.
 * API credentials given here replace the stored ones whole (checked against the account's marketplace).
 */
export const updateAccountSchema = z
  .object({
    name: accountNameSchema,
    authUsername: authUsernameSchema,
    apiKeyHeader: apiKeyHeaderSchema,
    skuMatch: z.enum(SKU_MATCH_FIELDS),
    settings: accountSettingsSchema,
    apiBaseUrl: apiBaseUrlSchema,
    apiSellerId: apiSellerIdSchema,
    apiOptions: apiOptionsSchema,
    apiCredentials: apiCredentialsInputSchema,
  })
  .partial()
  .strict();
export type UpdateAccountInput = z.input<typeof updateAccountSchema>;
