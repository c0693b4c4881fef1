import { and, eq } from 'drizzle-orm';
import { marketplaceAccounts, type MarketplaceAccount } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';

/** The tenant's account, row-locked for the change the caller is about to make, or NOT_FOUND. */
export async function findAccountForUpdate(tx: DbOrTx, tenantId: number, accountId: number): Promise<MarketplaceAccount> {
  const [row] = await tx
    .select()
    .from(marketplaceAccounts)
    .where(and(eq(marketplaceAccounts.id, accountId), eq(marketplaceAccounts.tenantId, tenantId)))
    .for('update');
  if (!row) throw new ServiceError('NOT_FOUND', `Marketplace account ${accountId} does not exist in this shop`);
  return row;
}

export const ACCOUNT_AUDIT_TARGET = 'msc_marketplace_account';
