import { eq } from 'drizzle-orm';
import { marketplaceAccounts } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/pool';
import { writeAudit } from '@/lib/audit/write-audit';
import {
  generateAccountSecret,
  openAccountSecrets,
  sealAccountSecrets,
  SECRET_ROTATION_GRACE_MS,
} from './account-secrets';
import { ACCOUNT_AUDIT_TARGET, findAccountForUpdate } from './find-account';
import { publicAccountColumns, toPublicAccount } from './public-account';
import type { AccountWriteContext } from './write-context';

/**
 * Issues a new secret. The one it replaces keeps working for SECRET_ROTATION_GRACE_MS so the
 * sender can switch without failed pushes; a second rotation inside that window drops the oldest.
 */
export async function rotateAccountSecret(
  db: DbOrTx,
  tenantId: number,
  accountId: number,
  ctx: AccountWriteContext,
): Promise<{ secret: string; previousValidUntil: Date }> {
  return db.transaction(async (tx) => {
    const row = await findAccountForUpdate(tx, tenantId, accountId);
    const before = toPublicAccount(row);
    const { current } = openAccountSecrets(row.secretCiphertext, ctx.key);
    const secret = generateAccountSecret(row.authType);
    const now = new Date();
    const previousValidUntil = new Date(now.getTime() + SECRET_ROTATION_GRACE_MS);
    await tx
      .update(marketplaceAccounts)
      .set({
        secretCiphertext: sealAccountSecrets({ current: secret, previous: current, previousUntil: previousValidUntil }, ctx.key),
        secretRotatedAt: now,
        updatedAt: now,
      })
      .where(eq(marketplaceAccounts.id, row.id));
    const [updated] = await tx.select(publicAccountColumns).from(marketplaceAccounts).where(eq(marketplaceAccounts.id, row.id));
    if (!updated) throw new Error(`Marketplace account ${row.id} vanished inside its own transaction`);
    await writeAudit(tx, {
      action: 'marketplace_account.rotate_secret',
      actor: ctx.actor,
      tenantId,
      target: { type: ACCOUNT_AUDIT_TARGET, id: row.id },
      before,
      after: toPublicAccount(updated, now),
      request: ctx.request,
    });
    return { secret, previousValidUntil };
  });
}
