import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { marketplaceAccounts, productLinks, type ProductLink } from '@/lib/db/schema';
import { writeAudit, type AuditEntry } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { retryOnDeadlock } from '@/lib/db/retry-on-deadlock';
import { assertCanLinkProducts } from '@/lib/quotas/assert-within-quota';
import type { TenantDb } from '@/lib/tenants/tenant-db';

export const addProductLinkSchema = z.object({
  tenantId: z.number().int().positive(),
  accountId: z.number().int().positive(),
  // Kept as sent: a marketplace SKU with spaces is matched with its spaces.
  marketplaceSku: z
    .string()
    .min(1)
    .max(128)
    .refine((sku) => sku.trim() !== '', 'a SKU cannot be blank'),
  ocProductId: z.number().int().positive(),
});
export type AddProductLinkInput = z.input<typeof addProductLinkSchema>;

export type ProductLinkContext = {
  actor: AuditEntry['actor'];
  request?: AuditEntry['request'];
  /** The tenant's shop, opened for the signed-in user: the product must exist there. */
  shop: TenantDb;
};

/**
 * Maps a marketplace SKU of one account to an OpenCart product, replacing an earlier mapping of the
 * same SKU, with its audit row in the same transaction; a new mapping must fit the tenant's
 * linked-products quota. Events dead-lettered for this SKU apply once replayed (lib/webhooks/replay.ts).
 */
export async function addProductLink(db: Db, input: AddProductLinkInput, ctx: ProductLinkContext): Promise<ProductLink> {
  const parsed = addProductLinkSchema.safeParse(input);
  if (!parsed.success) {
    throw new ServiceError('BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const { tenantId, accountId, marketplaceSku, ocProductId } = parsed.data;
  if (ctx.shop.tenant.id !== tenantId) throw new ServiceError('FORBIDDEN', 'The product mapping belongs to another shop.');

  const [account] = await db
    .select({ id: marketplaceAccounts.id })
    .from(marketplaceAccounts)
    .where(and(eq(marketplaceAccounts.id, accountId), eq(marketplaceAccounts.tenantId, tenantId)));
  if (!account) throw new ServiceError('NOT_FOUND', `Marketplace account ${accountId} does not exist in this shop.`);

  const { oc } = ctx.shop;
  const [product] = await ctx.shop.db
    .select({ productId: oc.product.productId })
    .from(oc.product)
    .where(eq(oc.product.productId, ocProductId));
  if (!product) throw new ServiceError('NOT_FOUND', `Product ${ocProductId} does not exist in this shop.`);

  // A new link and an auto-match save may take the SKU's gap and the quota row in opposite orders: the
  // loser of that deadlock is rolled back whole and runs again.
  return retryOnDeadlock(() => db.transaction(async (tx) => {
    const sameSku = and(eq(productLinks.accountId, accountId), eq(productLinks.marketplaceSku, marketplaceSku));
    const [before] = await tx.select().from(productLinks).where(sameSku).for('update');
    // Only a new link counts against the tenant's linked-products quota (QuotaExceededError over it).
    if (!before) await assertCanLinkProducts(tx, tenantId, 1);
    if (before) {
      await tx.update(productLinks).set({ ocProductId, createdBy: ctx.actor.username.slice(0, 64) }).where(eq(productLinks.id, before.id));
    } else {
      await tx.insert(productLinks).values({ tenantId, accountId, marketplaceSku, ocProductId, createdBy: ctx.actor.username.slice(0, 64) });
    }
    const [after] = await tx.select().from(productLinks).where(sameSku);
    if (!after) throw new Error(`Product link for ${marketplaceSku} vanished inside its own transaction`);
    await writeAudit(tx, {
      action: before ? 'product_link.update' : 'product_link.add',
      actor: ctx.actor,
      tenantId,
      target: { type: 'msc_product_link', id: after.id },
      before: before ? { marketplaceSku: before.marketplaceSku, ocProductId: before.ocProductId } : undefined,
      after: { accountId, marketplaceSku: after.marketplaceSku, ocProductId },
      request: ctx.request,
    });
    return after;
  }));
}
