import { eq } from 'drizzle-orm';
import { marketplaceAccounts, tenants } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { writeAudit } from '@/lib/audit/write-audit';
import { getAdapter } from '@/lib/marketplaces/registry';
import { generateAccountSecret, sealAccountSecrets } from './account-secrets';
import { isApiMarketplace, sealApiCredentials } from './api-credentials';
import { ACCOUNT_AUDIT_TARGET } from './find-account';
import { parseInput } from './parse-input';
import { publicAccountColumns, toPublicAccount, type PublicAccount } from './public-account';
import { createAccountSchema, type CreateAccountInput } from './schema';
import type { AccountWriteContext } from './write-context';

/**
 * Adds a seller account on a marketplace. The secret (given, or generated) is returned this once
 * and stored only sealed; the audit row records the account without it.
 */
export async function createMarketplaceAccount(
  db: DbOrTx,
  input: CreateAccountInput,
  ctx: AccountWriteContext,
): Promise<{ account: PublicAccount; secret: string }> {
  const data = parseInput(createAccountSchema, input);
  const allowed = getAdapter(data.marketplace).authTypes;
  if (!allowed.includes(data.authType)) {
    throw new ServiceError(
      'BAD_REQUEST',
      `${data.marketplace} pushes authenticate with ${allowed.join(' or ')}, not ${data.authType}`,
    );
  }
  const secret = data.secret ?? generateAccountSecret(data.authType);

  return db.transaction(async (tx) => {
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, data.tenantId));
    if (!tenant) throw new ServiceError('NOT_FOUND', `Tenant ${data.tenantId} does not exist`);
    const [created] = await tx
      .insert(marketplaceAccounts)
      .values({
        tenantId: data.tenantId,
        marketplace: data.marketplace,
        name: data.name,
        authType: data.authType,
        authUsername: data.authUsername,
        apiKeyHeader: data.apiKeyHeader,
        secretCiphertext: sealAccountSecrets({ current: secret, previous: null, previousUntil: null }, ctx.key),
        skuMatch: data.skuMatch,
        settings: data.settings,
        apiBaseUrl: data.apiBaseUrl,
        apiSellerId: data.apiSellerId,
        apiOptions: data.apiOptions,
        ...(data.apiCredentials && isApiMarketplace(data.marketplace)
          ? {
              apiCredentialsCiphertext: sealApiCredentials(data.marketplace, data.apiCredentials, ctx.key),
              apiCredentialsUpdatedAt: new Date(),
            }
          : {}),
      })
      .$returningId();
    if (!created) throw new Error('Insert into msc_marketplace_account returned no id');
    const [row] = await tx.select(publicAccountColumns).from(marketplaceAccounts).where(eq(marketplaceAccounts.id, created.id));
    if (!row) throw new Error(`Marketplace account ${created.id} vanished inside its own transaction`);
    const account = toPublicAccount(row);
    await writeAudit(tx, {
      action: 'marketplace_account.create',
      actor: ctx.actor,
      tenantId: account.tenantId,
      target: { type: ACCOUNT_AUDIT_TARGET, id: account.id },
      after: account,
      request: ctx.request,
    });
    return { account, secret };
  });
}
