import { eq } from 'drizzle-orm';
import { marketplaceAccounts } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { writeAudit } from '@/lib/audit/write-audit';
import { apiCredentialIssues, isApiMarketplace, sealApiCredentials } from './api-credentials';
import { ACCOUNT_AUDIT_TARGET, findAccountForUpdate } from './find-account';
import { parseInput } from './parse-input';
import { publicAccountColumns, toPublicAccount, type PublicAccount } from './public-account';
import { updateAccountSchema, type UpdateAccountInput } from './schema';
import type { AccountWriteContext } from './write-context';

/**
 * Changes an account's name, credentials' user name or header, SKU rule, settings or outbound API
 * settings. API credentials, when given, replace the stored ones and are sealed; the audit row says
 * only when they changed.
 */
export async function updateMarketplaceAccount(
  db: DbOrTx,
  tenantId: number,
  accountId: number,
  patch: UpdateAccountInput,
  ctx: AccountWriteContext,
): Promise<PublicAccount> {
  const changes = parseInput(updateAccountSchema, patch);
  return db.transaction(async (tx) => {
    const row = await findAccountForUpdate(tx, tenantId, accountId);
    const before = toPublicAccount(row);
    if (Object.keys(changes).length === 0) return before;
    if (row.authType === 'basic' && changes.authUsername === '') {
      throw new ServiceError('BAD_REQUEST', 'Basic authentication needs a user name');
    }
    const { apiCredentials, ...columns } = changes;
    const now = new Date();
    let sealedApi: { apiCredentialsCiphertext: string; apiCredentialsUpdatedAt: Date } | object = {};
    if (apiCredentials) {
      const issues = apiCredentialIssues(row.marketplace, apiCredentials);
      if (issues.length > 0 || !isApiMarketplace(row.marketplace)) {
        throw new ServiceError('BAD_REQUEST', `API credentials for ${row.marketplace}: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      }
      sealedApi = { apiCredentialsCiphertext: sealApiCredentials(row.marketplace, apiCredentials, ctx.key), apiCredentialsUpdatedAt: now };
    }
    await tx
      .update(marketplaceAccounts)
      .set({ ...columns, ...sealedApi, updatedAt: now })
      .where(eq(marketplaceAccounts.id, row.id));
    const [updated] = await tx.select(publicAccountColumns).from(marketplaceAccounts).where(eq(marketplaceAccounts.id, row.id));
    if (!updated) throw new Error(`Marketplace account ${row.id} vanished inside its own transaction`);
    const after = toPublicAccount(updated);
    await writeAudit(tx, {
      action: 'marketplace_account.update',
      actor: ctx.actor,
      tenantId,
      target: { type: ACCOUNT_AUDIT_TARGET, id: row.id },
      before,
      after,
      request: ctx.request,
    });
    return after;
  });
}
