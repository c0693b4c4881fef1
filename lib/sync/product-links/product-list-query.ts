import { z } from 'zod';

/** Products per page of the product links list. */
export const PRODUCT_PAGE_SIZE = 25;
/** Far beyond any real catalogue; it keeps a hand-typed page number from becoming a huge OFFSET. */
export const MAX_PRODUCT_PAGE = 10_000;
export const SEARCH_MAX_CHARS = 64;

/** all; linked or not to the account; `attention`: a held price or a refused item. */
export const PRODUCT_FILTERS = ['all', 'linked', 'unlinked', 'attention'] as const;
export type ProductFilter = (typeof PRODUCT_FILTERS)[number];

export const productListQuerySchema = z.object({
  account: z.coerce.number().int().positive().optional(),
  q: z.string().trim().min(1).max(SEARCH_MAX_CHARS).optional(),
  filter: z.enum(PRODUCT_FILTERS).default('all'),
  page: z.coerce.number().int().min(1).max(MAX_PRODUCT_PAGE).default(1),
});
export type ProductListQuery = z.infer<typeof productListQuerySchema>;
export type ProductListQueryName = keyof ProductListQuery;

const QUERY_NAMES = Object.keys(productListQuerySchema.shape) as ProductListQueryName[];

/**
 * The page's query string, field by field: a value that does not parse is dropped and named in
 * `ignored` (the page says so) instead of failing the page.
 */
export function readProductListQuery(query: Record<string, string | string[] | undefined>): {
  query: ProductListQuery;
  ignored: ProductListQueryName[];
} {
  const ignored: ProductListQueryName[] = [];
  const accepted: Record<string, unknown> = {};
  for (const name of QUERY_NAMES) {
    const raw = query[name];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!value) continue;
    const parsed = productListQuerySchema.shape[name].safeParse(value);
    if (parsed.success) accepted[name] = parsed.data;
    else ignored.push(name);
  }
  return { query: productListQuerySchema.parse(accepted), ignored };
}

/** The query as a query string (without `?`), leaving out defaults. */
export function productListQueryToString(query: Partial<ProductListQuery>): string {
  const params = new URLSearchParams();
  if (query.account) params.set('account', String(query.account));
  if (query.q) params.set('q', query.q);
  if (query.filter && query.filter !== 'all') params.set('filter', query.filter);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  return params.toString();
}
