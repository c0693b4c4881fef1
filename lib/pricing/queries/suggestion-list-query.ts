import { z } from 'zod';
import { SUGGESTION_CONFIDENCES } from '@/lib/db/schema';

export const SUGGESTION_PAGE_SIZE = 25;
/** Keeps a hand-typed page number from becoming a huge OFFSET. */
export const MAX_SUGGESTION_PAGE = 10_000;
export const SUGGESTION_SEARCH_MAX_CHARS = 64;

export const SUGGESTION_FILTERS = ['open', 'none', 'accepted', 'rejected', 'all'] as const;
export const SUGGESTION_SORTS = ['gain', 'revenue', 'change', 'product'] as const;
export type SuggestionSort = (typeof SUGGESTION_SORTS)[number];

export const suggestionListQuerySchema = z.object({
  q: z.string().trim().min(1).max(SUGGESTION_SEARCH_MAX_CHARS).optional(),
  status: z.enum(SUGGESTION_FILTERS).default('open'),
  confidence: z.enum(SUGGESTION_CONFIDENCES).optional(),
  sort: z.enum(SUGGESTION_SORTS).default('gain'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(MAX_SUGGESTION_PAGE).default(1),
});
export type SuggestionListQuery = z.infer<typeof suggestionListQuerySchema>;
type QueryName = keyof SuggestionListQuery;
const QUERY_NAMES = Object.keys(suggestionListQuerySchema.shape) as QueryName[];

/** The page's query string, field by field: a value that does not parse is dropped and named in `ignored`. */
export function readSuggestionListQuery(query: Record<string, string | string[] | undefined>): { query: SuggestionListQuery; ignored: QueryName[] } {
  const ignored: QueryName[] = [];
  const accepted: Record<string, unknown> = {};
  for (const name of QUERY_NAMES) {
    const raw = query[name];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!value) continue;
    const parsed = suggestionListQuerySchema.shape[name].safeParse(value);
    if (parsed.success) accepted[name] = parsed.data;
    else ignored.push(name);
  }
  return { query: suggestionListQuerySchema.parse(accepted), ignored };
}

export function suggestionListQueryToString(query: Partial<SuggestionListQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.status && query.status !== 'open') params.set('status', query.status);
  if (query.confidence) params.set('confidence', query.confidence);
  if (query.sort && query.sort !== 'gain') params.set('sort', query.sort);
  if (query.dir && query.dir !== 'desc') params.set('dir', query.dir);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  return params.toString();
}
