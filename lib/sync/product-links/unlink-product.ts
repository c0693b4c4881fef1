import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { productLinks, syncListingStates, syncOutbox } from '@/lib/db/schema';
import { writeAudit, type AuditEntry } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';

export const unlinkProductSchema = z.object({ linkId: z.coerce.number().int().positive() });

/**
 * Removes a link, in one transaction with its audit row: the listing's waiting item is cancelled and
 * a held price forgotten. An item already sent finishes normally; what the marketplace confirmed stays
 * recorded for the SKU, so a later relink compares with it instead of pushing everything again.
 */
export async function unlinkProduct(
  db: Db,
  tenantId: number,
  input: z.input<typeof unlinkProductSchema>,
  ctx: { actor: AuditEntry['actor']; request?: AuditEntry['request']; now?: Date },
): Promise<{ marketplaceSku: string; productId: number }> {
  const { linkId } = unlinkProductSchema.parse(input);
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(productLinks)
      .where(and(eq(productLinks.id, linkId), eq(productLinks.tenantId, tenantId)))
      .for('update');
    if (!link) throw new ServiceError('NOT_FOUND', `Product link ${linkId} does not exist in this shop.`);
    const sameListing = (table: typeof syncOutbox | typeof syncListingStates) =>
      and(eq(table.accountId, link.accountId), eq(table.marketplaceSku, link.marketplaceSku));
    await tx.delete(productLinks).where(eq(productLinks.id, link.id));
    await tx
      .update(syncOutbox)
      .set({ status: 'cancelled', openSlot: null, finishedAt: now, updatedAt: now, lastError: 'The listing was unlinked.' })
      .where(and(sameListing(syncOutbox), eq(syncOutbox.openSlot, 1)));
    await tx
      .update(syncListingStates)
      .set({ heldPrice: null, heldBasePrice: null, heldAt: null, approvedPrice: null, rejectedPrice: null })
      .where(sameListing(syncListingStates));
    await writeAudit(tx, {
      action: 'product_link.remove',
      actor: ctx.actor,
      tenantId,
      target: { type: 'msc_product_link', id: link.id },
      before: { accountId: link.accountId, marketplaceSku: link.marketplaceSku, ocProductId: link.ocProductId },
      request: ctx.request,
    });
    return { marketplaceSku: link.marketplaceSku, productId: link.ocProductId };
  });
}
