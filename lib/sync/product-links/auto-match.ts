import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { marketplaceAccounts, productLinks } from '@/lib/db/schema';
import { writeAudit, type AuditEntry } from '@/lib/audit/write-audit';
import { assertCanLinkProducts } from '@/lib/quotas';
import { ServiceError } from '@/lib/errors/service-error';
import type { SkuMatchField } from '@/lib/marketplaces/names';
import { decodeHtmlEntities } from '@/lib/shop/decode-html-entities';
import type { TenantDb } from '@/lib/tenants/tenant-db';

/** A preview lists this many rows of each kind; the counts cover all of them. */
export const AUTO_MATCH_PREVIEW_ROWS = 50;
/** msc_product_link.marketplace_sku */
const SKU_MAX_CHARS = 128;
const INSERT_CHUNK = 1_000;

export type AutoMatchProduct = { productId: number; name: string | null; key: string };

export type AutoMatchPreview = {
  accountId: number;
  field: SkuMatchField;
  /** Products that would be linked under their key, in product order. */
  matches: AutoMatchProduct[];
  /** Products whose key is empty: nothing to match on. */
  emptyKeys: AutoMatchProduct[];
  /** Keys several products share: only a manual link can say which one the listing is. */
  duplicateKeys: Array<{ key: string; products: AutoMatchProduct[] }>;
  /** Keys already linked to another product of this account. */
  linkedElsewhere: Array<AutoMatchProduct & { linkedProductId: number }>;
  /** Products that already have a link to this account (left as they are). */
  alreadyLinked: number;
};

/**
 * The links table compares SKUs with utf8mb4_unicode_ci: case, accents and trailing spaces do not
 * tell two SKUs apart. Keys are grouped the same way, so that a preview never promises two links the
 * unique key would refuse.
 */
export function foldSku(sku: string): string {
  return sku.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').trimEnd();
}

async function requireAccount(db: Db, tenantId: number, accountId: number) {
  const [account] = await db
    .select({ id: marketplaceAccounts.id, skuMatch: marketplaceAccounts.skuMatch })
    .from(marketplaceAccounts)
    .where(and(eq(marketplaceAccounts.id, accountId), eq(marketplaceAccounts.tenantId, tenantId)));
  if (!account) throw new ServiceError('NOT_FOUND', `Marketplace account ${accountId} does not exist in this shop.`);
  return account;
}

/**
 * What auto-matching by the account's SKU rule would do, without doing it: every product of the
 * tenant's store not yet linked to the account, keyed by the rule's column (sku, model, ean, upc or
 * mpn, as OpenCart shows it), sorted into matches and conflicts.
 */
export async function previewAutoMatch(db: Db, shop: TenantDb, input: { accountId: number; languageId: number }): Promise<AutoMatchPreview> {
  const account = await requireAccount(db, shop.tenant.id, input.accountId);
  const field = account.skuMatch;
  const { product: p, productDescription: pd, productToStore: p2s } = shop.oc;
  const [products, links] = await Promise.all([
    shop.db
      .select({ productId: p.productId, name: pd.name, key: p[field] })
      .from(p)
      .innerJoin(p2s, and(eq(p2s.productId, p.productId), eq(p2s.storeId, shop.tenant.storeId)))
      .leftJoin(pd, and(eq(pd.productId, p.productId), eq(pd.languageId, input.languageId)))
      .orderBy(asc(p.productId)),
    db
      .select({ sku: productLinks.marketplaceSku, productId: productLinks.ocProductId })
      .from(productLinks)
      .where(eq(productLinks.accountId, input.accountId)),
  ]);
  const linkedProducts = new Set(links.map((l) => l.productId));
  const linkBySku = new Map(links.map((l) => [foldSku(l.sku), l.productId]));

  const preview: AutoMatchPreview = { accountId: input.accountId, field, matches: [], emptyKeys: [], duplicateKeys: [], linkedElsewhere: [], alreadyLinked: 0 };
  const candidates: AutoMatchProduct[] = [];
  for (const row of products) {
    if (linkedProducts.has(row.productId)) {
      preview.alreadyLinked++;
      continue;
    }
    const product = { productId: row.productId, name: row.name === null ? null : decodeHtmlEntities(row.name), key: decodeHtmlEntities(row.key) };
    if (product.key.trim() === '' || product.key.length > SKU_MAX_CHARS) preview.emptyKeys.push(product);
    else candidates.push(product);
  }
  const byKey = new Map<string, AutoMatchProduct[]>();
  for (const product of candidates) byKey.set(foldSku(product.key), [...(byKey.get(foldSku(product.key)) ?? []), product]);
  for (const [folded, group] of byKey) {
    const [only, ...others] = group;
    if (!only) continue;
    const linkedTo = linkBySku.get(folded);
    if (others.length > 0) preview.duplicateKeys.push({ key: only.key, products: group });
    else if (linkedTo !== undefined) preview.linkedElsewhere.push({ ...only, linkedProductId: linkedTo });
    else preview.matches.push(only);
  }
  return preview;
}

export const applyAutoMatchSchema = z.object({
  accountId: z.coerce.number().int().positive(),
  /** The products the admin saw as matches in the preview: nothing else is linked. */
  productIds: z.array(z.coerce.number().int().positive()).min(1).max(100_000),
});
export type ApplyAutoMatchInput = z.input<typeof applyAutoMatchSchema>;

/** A preview as a page gets it: the first rows of each kind, and every match's id to confirm. */
export type AutoMatchPreviewPage = AutoMatchPreview & {
  matchIds: number[];
  counts: { emptyKeys: number; duplicateKeys: number; linkedElsewhere: number };
};

/** Only the preview's first rows are sent to a page; the rest are confirmed by their count. */
export function trimPreview(preview: AutoMatchPreview, rows = AUTO_MATCH_PREVIEW_ROWS): AutoMatchPreviewPage {
  return {
    ...preview,
    matchIds: preview.matches.map((m) => m.productId),
    counts: { emptyKeys: preview.emptyKeys.length, duplicateKeys: preview.duplicateKeys.length, linkedElsewhere: preview.linkedElsewhere.length },
    matches: preview.matches.slice(0, rows),
    emptyKeys: preview.emptyKeys.slice(0, rows),
    duplicateKeys: preview.duplicateKeys.slice(0, rows),
    linkedElsewhere: preview.linkedElsewhere.slice(0, rows),
  };
}

/**
 * Creates the links the preview promised, recomputed now (never taken from the form), limited to the
 * products the admin confirmed. A key that became a conflict since the preview is skipped; a SKU
 * another request linked meanwhile is left alone (the unique key decides). The tenant's linked-products
 * quota is checked in the same transaction; QuotaExceededError refuses the whole save. One audit row.
 */
export async function applyAutoMatch(
  db: Db,
  shop: TenantDb,
  input: ApplyAutoMatchInput & { languageId: number },
  ctx: { actor: AuditEntry['actor']; request?: AuditEntry['request'] },
): Promise<{ created: number; skipped: number }> {
  const parsed = applyAutoMatchSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { accountId, productIds } = parsed.data;
  const tenantId = shop.tenant.id;
  const preview = await previewAutoMatch(db, shop, { accountId, languageId: input.languageId });
  const confirmed = new Set(productIds);
  const chosen = preview.matches.filter((m) => confirmed.has(m.productId));
  const createdBy = ctx.actor.username.slice(0, 64);

  return db.transaction(async (tx) => {
    // The tenant's linked-products quota, counted before the insert (a SKU linked meanwhile is then counted once too many).
    if (chosen.length > 0) await assertCanLinkProducts(tx, tenantId, chosen.length);
    let created = 0;
    for (let i = 0; i < chosen.length; i += INSERT_CHUNK) {
      const chunk = chosen.slice(i, i + INSERT_CHUNK);
      // IGNORE skips exactly the SKUs linked since the preview (the unique key); the values were checked above.
      const [header] = await tx
        .insert(productLinks)
        .ignore()
        .values(chunk.map((m) => ({ tenantId, accountId, marketplaceSku: m.key, ocProductId: m.productId, createdBy })));
      created += header.affectedRows;
    }
    await writeAudit(tx, {
      action: 'product_link.auto_match',
      actor: ctx.actor,
      tenantId,
      target: { type: 'msc_marketplace_account', id: accountId },
      after: { field: preview.field, confirmed: productIds.length, created },
      request: ctx.request,
    });
    return { created, skipped: productIds.length - created };
  });
}
