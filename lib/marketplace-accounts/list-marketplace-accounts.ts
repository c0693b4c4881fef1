import { asc, eq } from 'drizzle-orm';
import { marketplaceAccounts } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/pool';
import { publicAccountColumns, toPublicAccount, type PublicAccount } from './public-account';

/** A tenant's marketplace accounts for its pages; the sealed secrets are not even read. */
export async function listMarketplaceAccounts(db: DbOrTx, tenantId: number): Promise<PublicAccount[]> {
  const rows = await db
    .select(publicAccountColumns)
    .from(marketplaceAccounts)
    .where(eq(marketplaceAccounts.tenantId, tenantId))
    .orderBy(asc(marketplaceAccounts.id));
  const now = new Date();
  return rows.map((row) => toPublicAccount(row, now));
}
