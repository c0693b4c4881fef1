import { getTableColumns } from 'drizzle-orm';
import { marketplaceAccounts, type MarketplaceAccount } from '@/lib/db/schema';
import { SECRET_ROTATION_GRACE_MS } from './account-secrets';
import { apiOptionsSchema, type ApiOptions } from './api-credentials';
import { accountSettingsSchema, type AccountSettings } from './schema';

const {
  secretCiphertext: _sealed,
  apiCredentialsCiphertext: _sealedApi,
  ...publicColumns
} = getTableColumns(marketplaceAccounts);
/** Every column but the sealed secrets: what pages, lists and audit rows may see. */
export const publicAccountColumns = publicColumns;

type PublicAccountRow = Omit<MarketplaceAccount, 'secretCiphertext' | 'apiCredentialsCiphertext'>;

/** An account as pages see it: never a secret, not even sealed. */
export type PublicAccount = Omit<PublicAccountRow, 'settings' | 'apiOptions'> & {
  settings: AccountSettings;
  apiOptions: ApiOptions;
  /** Whether outbound API credentials are stored (they are never shown). */
  hasApiCredentials: boolean;
  /** Until when the secret replaced by the last rotation is still accepted, when it still is. */
  previousSecretValidUntil: Date | null;
};

/**
 * Copies the public fields one by one, so a full row (with its sealed secrets) can be passed
 * without anything else slipping into a page or an audit row.
 */
export function toPublicAccount(row: PublicAccountRow, now: Date = new Date()): PublicAccount {
  const graceEnds = row.secretRotatedAt ? new Date(row.secretRotatedAt.getTime() + SECRET_ROTATION_GRACE_MS) : null;
  return {
    id: row.id,
    tenantId: row.tenantId,
    marketplace: row.marketplace,
    name: row.name,
    authType: row.authType,
    authUsername: row.authUsername,
    apiKeyHeader: row.apiKeyHeader,
    skuMatch: row.skuMatch,
    settings: accountSettingsSchema.parse(row.settings),
    apiBaseUrl: row.apiBaseUrl,
    apiSellerId: row.apiSellerId,
    apiOptions: apiOptionsSchema.parse(row.apiOptions),
    apiCredentialsUpdatedAt: row.apiCredentialsUpdatedAt,
    hasApiCredentials: row.apiCredentialsUpdatedAt !== null,
    status: row.status,
    secretRotatedAt: row.secretRotatedAt,
    previousSecretValidUntil: graceEnds && graceEnds > now ? graceEnds : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
