import { z } from 'zod';
import { MARKETPLACES } from '@/lib/marketplaces/names';
import { WEBHOOK_EVENT_STATUSES } from '@/lib/db/schema';
import { CANONICAL_EVENT_TYPES } from '@/lib/webhooks/canonical-events';

/** Far beyond any real list; it keeps a hand-typed page number from becoming a huge OFFSET. */
export const MAX_EVENT_PAGE = 10_000;

const isoDaySchema = z.iso.date();

/** What the webhooks list can be narrowed by; every field is optional and comes from a query string. */
export const webhookEventFiltersSchema = z.object({
  marketplace: z.enum(MARKETPLACES).optional(),
  account: z.coerce.number().int().positive().optional(),
  type: z.enum(CANONICAL_EVENT_TYPES).optional(),
  status: z.enum(WEBHOOK_EVENT_STATUSES).optional(),
  /** First calendar day received (in the shop's time zone), inclusive. */
  from: isoDaySchema.optional(),
  /** Last calendar day received, inclusive. */
  to: isoDaySchema.optional(),
  page: z.coerce.number().int().min(1).max(MAX_EVENT_PAGE).default(1),
});

export type WebhookEventFilters = z.infer<typeof webhookEventFiltersSchema>;
export type WebhookEventFilterName = keyof WebhookEventFilters;

const FILTER_NAMES = Object.keys(webhookEventFiltersSchema.shape) as WebhookEventFilterName[];

export type QueryStringValues = Record<string, string | string[] | undefined>;

/**
 * Filters from a page's query string, field by field: a value that does not parse is dropped and
 * named in `ignored` (so the page can say so) instead of failing the whole page. A range whose end
 * comes before its start keeps the start only.
 */
export function readWebhookEventFilters(query: QueryStringValues): {
  filters: WebhookEventFilters;
  ignored: WebhookEventFilterName[];
} {
  const ignored: WebhookEventFilterName[] = [];
  const accepted: Record<string, unknown> = {};
  for (const name of FILTER_NAMES) {
    const raw = query[name];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!value) continue;
    const parsed = webhookEventFiltersSchema.shape[name].safeParse(value);
    if (parsed.success) accepted[name] = parsed.data;
    else ignored.push(name);
  }
  const filters = webhookEventFiltersSchema.parse(accepted);
  if (filters.from && filters.to && filters.to < filters.from) {
    delete filters.to;
    ignored.push('to');
  }
  return { filters, ignored };
}

/** The filters as a query string (without `?`), leaving out what is unset; `page` only past the first. */
export function webhookEventFiltersToQuery(filters: Partial<WebhookEventFilters>): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value === undefined || (name === 'page' && value === 1)) continue;
    params.set(name, String(value));
  }
  return params.toString();
}
