import { and, asc, count, eq, inArray, like, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { marketplaceAccounts, productLinks } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { encodeOpenCartText } from '@/lib/db/opencart/html-text';
import { selectRows } from '@/lib/orders/raw-sql';
import { decodeHtmlEntities } from '@/lib/shop/decode-html-entities';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { compareMoney } from '@/lib/shop/money';
import { readShopStockPrices, type ShopPricing } from '../read-shop-stock-prices';
import { listingSyncState, type ListingSyncState } from './listing-sync-state';
import { PRODUCT_PAGE_SIZE, type ProductFilter } from './product-list-query';

/** A product-id set taken from the companion tables bigger than this would make the shop query unwieldy. */
const MAX_FILTER_IDS = 50_000;
/** Products found by a search of the marketplace SKUs of links. */
const SKU_SEARCH_LIMIT = 500;

export type ProductListing = {
  linkId: number;
  marketplaceSku: string;
  state: ListingSyncState;
  stateId: number | null;
  confirmedQuantity: number | null;
  confirmedPrice: string | null;
  confirmedAt: string | null;
  heldPrice: string | null;
  heldBasePrice: string | null;
  /** The marketplace's reason for the last refusal, or the last deferral's cause. */
  lastError: string | null;
  attempts: number;
};

export type ProductLinkRow = {
  productId: number;
  name: string | null;
  model: string;
  sku: string;
  ean: string;
  /** OpenCart's own figure (may be negative); what goes out is never below 0. */
  quantity: number;
  /** The effective price (special included), as the marketplaces get it; null if unreadable. */
  price: string | null;
  basePrice: string;
  /** A special of the default customer group sets the price. */
  onSpecial: boolean;
  listings: ProductListing[];
};

export type ProductLinkPage = { rows: ProductLinkRow[]; page: number; pageCount: number; total: number };

const listingRowSchema = z.object({
  link_id: z.coerce.number().int(),
  marketplace_sku: z.string(),
  oc_product_id: z.coerce.number().int(),
  state_id: z.coerce.number().int().nullable(),
  confirmed_quantity: z.coerce.number().int().nullable(),
  confirmed_price: z.union([z.string(), z.number()]).nullable().transform((v) => (v === null ? null : String(v))),
  confirmed_at: z.union([z.string(), z.date()]).nullable(),
  held_price: z.union([z.string(), z.number()]).nullable().transform((v) => (v === null ? null : String(v))),
  held_base_price: z.union([z.string(), z.number()]).nullable().transform((v) => (v === null ? null : String(v))),
  open_status: z.string().nullable(),
  open_error: z.string().nullable(),
  open_attempts: z.coerce.number().int().nullable(),
  in_flight: z.coerce.number().int(),
});

const toIso = (value: string | Date | null) =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(`${value.replace(' ', 'T')}Z`).toISOString();

function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Product ids the filter narrows the shop's list to (`only`) or away from (`except`). */
async function filterIds(db: Db, accountId: number, filter: ProductFilter): Promise<{ only?: number[]; except?: number[] }> {
  if (filter === 'all') return {};
  if (filter === 'attention') {
    const rows = await selectRows(
      db,
      sql`SELECT DISTINCT l.oc_product_id AS id FROM msc_product_link l
          LEFT JOIN msc_sync_state s ON s.account_id = l.account_id AND s.marketplace_sku = l.marketplace_sku
          LEFT JOIN msc_sync_outbox o ON o.account_id = l.account_id AND o.marketplace_sku = l.marketplace_sku AND o.open_slot = 1
          WHERE l.account_id = ${accountId} AND (s.held_price IS NOT NULL OR o.status = 'failed')
          LIMIT ${MAX_FILTER_IDS}`,
      z.object({ id: z.coerce.number().int() }),
    );
    return { only: rows.map((r) => r.id) };
  }
  const linked = await db
    .selectDistinct({ id: productLinks.ocProductId })
    .from(productLinks)
    .where(eq(productLinks.accountId, accountId))
    .limit(MAX_FILTER_IDS);
  const ids = linked.map((r) => r.id);
  return filter === 'linked' ? { only: ids } : { except: ids };
}

async function productsFoundBySku(db: Db, accountId: number, q: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: productLinks.ocProductId })
    .from(productLinks)
    .where(and(eq(productLinks.accountId, accountId), like(productLinks.marketplaceSku, likeContains(q))))
    .limit(SKU_SEARCH_LIMIT);
  return rows.map((r) => r.id);
}

/** The listings (links) of the page's products with their sync state, in one statement. */
async function readListings(db: Db, accountId: number, productIds: number[]) {
  if (productIds.length === 0) return [];
  return selectRows(
    db,
    sql`SELECT l.id AS link_id, l.marketplace_sku, l.oc_product_id,
          s.id AS state_id, s.confirmed_quantity, s.confirmed_price, s.confirmed_at, s.held_price, s.held_base_price,
          o.status AS open_status, o.last_error AS open_error, o.attempts AS open_attempts,
          EXISTS (SELECT 1 FROM msc_sync_outbox f
            WHERE f.account_id = l.account_id AND f.marketplace_sku = l.marketplace_sku AND f.status IN ('sending', 'sent')) AS in_flight
        FROM msc_product_link l
        LEFT JOIN msc_sync_state s ON s.account_id = l.account_id AND s.marketplace_sku = l.marketplace_sku
        LEFT JOIN msc_sync_outbox o ON o.account_id = l.account_id AND o.marketplace_sku = l.marketplace_sku AND o.open_slot = 1
        WHERE l.account_id = ${accountId} AND l.oc_product_id IN (${sql.join(productIds.map((id) => sql`${id}`), sql`, `)})
        ORDER BY l.id`,
    listingRowSchema,
  );
}

/**
 * One page of the shop's products (the tenant's store) with their links to one marketplace account
 * and each link's sync state. The shop's tables may live in another database than the links, so
 * the filters that depend on links are turned into product-id sets first. An account of another shop
 * is not found: its links are never read.
 */
export async function listProductLinkRows(
  db: Db,
  shop: TenantDb,
  input: { accountId: number; languageId: number; pricing: ShopPricing; q?: string; filter: ProductFilter; page: number },
): Promise<ProductLinkPage> {
  const [account] = await db
    .select({ id: marketplaceAccounts.id })
    .from(marketplaceAccounts)
    .where(and(eq(marketplaceAccounts.id, input.accountId), eq(marketplaceAccounts.tenantId, shop.tenant.id)));
  if (!account) throw new ServiceError('NOT_FOUND', `Marketplace account ${input.accountId} does not exist in this shop.`);
  const { product: p, productDescription: pd, productToStore: p2s } = shop.oc;
  const { only, except } = await filterIds(db, input.accountId, input.filter);
  const conditions: SQL[] = [];
  if (only) conditions.push(only.length > 0 ? inArray(p.productId, only) : sql`FALSE`);
  if (except && except.length > 0) conditions.push(notInArray(p.productId, except));
  if (input.q) {
    const pattern = likeContains(encodeOpenCartText(input.q));
    const matches: SQL[] = [like(p.model, pattern), like(p.sku, pattern), like(p.ean, pattern), like(pd.name, pattern)];
    if (/^\d{1,10}$/.test(input.q)) matches.push(eq(p.productId, Number(input.q)));
    const bySku = await productsFoundBySku(db, input.accountId, input.q);
    if (bySku.length > 0) matches.push(inArray(p.productId, bySku));
    conditions.push(or(...matches)!);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const inStore = and(eq(p2s.productId, p.productId), eq(p2s.storeId, shop.tenant.storeId));
  const withName = and(eq(pd.productId, p.productId), eq(pd.languageId, input.languageId));

  const [totalRow] = await shop.db.select({ n: count() }).from(p).innerJoin(p2s, inStore).leftJoin(pd, withName).where(where);
  const total = Number(totalRow?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / PRODUCT_PAGE_SIZE));
  const page = Math.min(input.page, pageCount);
  const products = await shop.db
    .select({ productId: p.productId, name: pd.name, model: p.model, sku: p.sku, ean: p.ean, quantity: p.quantity, price: p.price })
    .from(p)
    .innerJoin(p2s, inStore)
    .leftJoin(pd, withName)
    .where(where)
    .orderBy(asc(p.productId))
    .limit(PRODUCT_PAGE_SIZE)
    .offset((page - 1) * PRODUCT_PAGE_SIZE);
  const ids = products.map((row) => row.productId);
  const [listings, shopValues] = await Promise.all([
    readListings(db, input.accountId, ids),
    readShopStockPrices(shop, ids, input.pricing),
  ]);

  const rows = products.map((product): ProductLinkRow => {
    const values = shopValues.get(product.productId);
    return {
      productId: product.productId,
      name: product.name === null ? null : decodeHtmlEntities(product.name),
      model: decodeHtmlEntities(product.model),
      sku: decodeHtmlEntities(product.sku),
      ean: product.ean,
      quantity: product.quantity,
      price: values?.price ?? null,
      // Both with tax, as they are pushed: the special's price beside the price it replaces.
      basePrice: values?.listPrice ?? product.price,
      onSpecial: values !== undefined && compareMoney(values.price, values.listPrice) !== 0,
      listings: listings
        .filter((l) => l.oc_product_id === product.productId)
        .map((l) => ({
          linkId: l.link_id,
          marketplaceSku: l.marketplace_sku,
          state: listingSyncState({
            heldPrice: l.held_price,
            openStatus: l.open_status,
            inFlight: l.in_flight === 1,
            confirmed: l.confirmed_quantity !== null && l.confirmed_price !== null ? { quantity: l.confirmed_quantity, price: l.confirmed_price } : null,
            shop: values,
          }),
          stateId: l.state_id,
          confirmedQuantity: l.confirmed_quantity,
          confirmedPrice: l.confirmed_price,
          confirmedAt: toIso(l.confirmed_at),
          heldPrice: l.held_price,
          heldBasePrice: l.held_base_price,
          lastError: l.open_error,
          attempts: l.open_attempts ?? 0,
        })),
    };
  });
  return { rows, page, pageCount, total };
}
