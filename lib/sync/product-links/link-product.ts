import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { productLinks, type ProductLink } from '@/lib/db/schema';
import { addProductLink, type ProductLinkContext } from '@/lib/product-links/add-product-link';
import { ServiceError } from '@/lib/errors/service-error';

export const linkProductSchema = z.object({
  accountId: z.coerce.number().int().positive(),
  productId: z.coerce.number().int().positive(),
  // Kept as typed but for surrounding spaces: a form field's edges are never part of a marketplace SKU.
  marketplaceSku: z.string().trim().min(1).max(128),
});
export type LinkProductInput = z.input<typeof linkProductSchema>;

/**
 * A manual link from the products page. Unlike the webhooks page's "map this SKU" (which repoints a
 * SKU on purpose), a SKU already linked to another product is refused: the admin unlinks it first,
 * so that no listing silently changes product.
 */
export async function linkProduct(db: Db, input: LinkProductInput, ctx: ProductLinkContext): Promise<ProductLink> {
  const parsed = linkProductSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { accountId, productId, marketplaceSku } = parsed.data;
  const [existing] = await db
    .select()
    .from(productLinks)
    .where(and(eq(productLinks.accountId, accountId), eq(productLinks.tenantId, ctx.shop.tenant.id), eq(productLinks.marketplaceSku, marketplaceSku)));
  if (existing && existing.ocProductId !== productId) {
    throw new ServiceError('CONFLICT', `${existing.marketplaceSku} is already linked to product ${existing.ocProductId}.`);
  }
  if (existing) return existing;
  return addProductLink(db, { tenantId: ctx.shop.tenant.id, accountId, marketplaceSku, ocProductId: productId }, ctx);
}
