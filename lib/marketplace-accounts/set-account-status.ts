import { eq } from 'drizzle-orm';
import { marketplaceAccounts } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/pool';
import { writeAudit } from '@/lib/audit/write-audit';
import { ACCOUNT_AUDIT_TARGET, findAccountForUpdate } from './find-account';
import { parseInput } from './parse-input';
import { publicAccountColumns, toPublicAccount, type PublicAccount } from './public-account';
import { accountStatusSchema, type AccountStatus } from './schema';
import type { AccountWriteContext } from './write-context';

/** Enables or disables an account; pushes to a disabled account are answered 404 and not stored. */
export async function setAccountStatus(
  db: DbOrTx,
  tenantId: number,
  accountId: number,
  status: AccountStatus,
  ctx: AccountWriteContext,
): Promise<PublicAccount> {
  const next = parseInput(accountStatusSchema, status);
  return db.transaction(async (tx) => {
    const row = await findAccountForUpdate(tx, tenantId, accountId);
    const before = toPublicAccount(row);
    if (row.status === next) return before;
    await tx
      .update(marketplaceAccounts)
      .set({ status: next, updatedAt: new Date() })
      .where(eq(marketplaceAccounts.id, row.id));
    const [updated] = await tx.select(publicAccountColumns).from(marketplaceAccounts).where(eq(marketplaceAccounts.id, row.id));
    if (!updated) throw new Error(`Marketplace account ${row.id} vanished inside its own transaction`);
    const after = toPublicAccount(updated);
    await writeAudit(tx, {
      action: next === 'active' ? 'marketplace_account.enable' : 'marketplace_account.disable',
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
