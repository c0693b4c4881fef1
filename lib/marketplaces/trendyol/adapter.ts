import type { MarketplaceAdapter, ParseResult } from '../adapter';
import { checkCanonicalEvents } from '../shared/checked-events';
import { mapTrendyolPackage } from './map-package';
import { isTrendyolPage, trendyolPackageSchema, trendyolPageSchema } from './schema';

function parseTrendyolPush(body: unknown): ParseResult {
  if (isTrendyolPage(body)) {
    const page = trendyolPageSchema.safeParse(body);
    if (!page.success) return { ok: false, issues: page.error.issues };
    return checkCanonicalEvents(page.data.content.flatMap(mapTrendyolPackage));
  }
  const pkg = trendyolPackageSchema.safeParse(body);
  if (!pkg.success) return { ok: false, issues: pkg.error.issues };
  return checkCanonicalEvents(mapTrendyolPackage(pkg.data));
}

/**
 * Trendyol pushes order packages only (no stock or product events) [doc], authenticated with HTTP
 * Basic or an `x-api-key` header chosen when the webhook is registered.
 */
export const trendyolAdapter: MarketplaceAdapter = {
  marketplace: 'trendyol',
  authTypes: ['basic', 'apikey'],
  parse: (body) => parseTrendyolPush(body),
};
