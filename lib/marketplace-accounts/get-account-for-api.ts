import { eq } from 'drizzle-orm';
import { marketplaceAccounts } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { apiOptionsSchema, isApiMarketplace, openApiCredentials, type ApiCredentials, type ApiMarketplace, type ApiOptions } from './api-credentials';

/** What an outbound client needs of an account, credentials opened: never for a page or a log. */
export type ApiAccount<M extends ApiMarketplace = ApiMarketplace> = {
  id: number;
  tenantId: number;
  marketplace: M;
  status: 'active' | 'disabled';
  apiBaseUrl: string;
  apiSellerId: string;
  apiOptions: ApiOptions;
  credentials: ApiCredentials[M];
};

/**
 * The account with its API credentials opened. NOT_FOUND when there is no such account,
 * BAD_REQUEST when its marketplace has no API we call or no credentials were given yet.
 */
export async function getAccountForApi(db: DbOrTx, accountId: number, key: Buffer): Promise<ApiAccount> {
  const [row] = await db.select().from(marketplaceAccounts).where(eq(marketplaceAccounts.id, accountId));
  if (!row) throw new ServiceError('NOT_FOUND', `Marketplace account ${accountId} does not exist`);
  const { marketplace } = row;
  if (!isApiMarketplace(marketplace)) throw new ServiceError('BAD_REQUEST', `${marketplace} accounts have no API to call`);
  if (!row.apiCredentialsCiphertext) {
    throw new ServiceError('BAD_REQUEST', `Marketplace account ${accountId} has no API credentials yet (add them on the accounts page)`);
  }
  return {
    id: row.id,
    tenantId: row.tenantId,
    marketplace,
    status: row.status,
    apiBaseUrl: row.apiBaseUrl,
    apiSellerId: row.apiSellerId,
    apiOptions: apiOptionsSchema.parse(row.apiOptions),
    credentials: openApiCredentials(marketplace, row.apiCredentialsCiphertext, key),
  };
}
