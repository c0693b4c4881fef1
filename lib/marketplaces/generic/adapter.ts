import { canonicalEventSchema } from '@/lib/webhooks/canonical-events';
import type { MarketplaceAdapter, ParseResult } from '../adapter';
import { genericBatchSchema, isGenericBatch } from './schema';

function parseGenericPush(body: unknown): ParseResult {
  if (isGenericBatch(body)) {
    const batch = genericBatchSchema.safeParse(body);
    return batch.success ? { ok: true, events: batch.data.events } : { ok: false, issues: batch.error.issues };
  }
  const event = canonicalEventSchema.safeParse(body);
  return event.success ? { ok: true, events: [event.data] } : { ok: false, issues: event.error.issues };
}

/**
 * Any other source, pushing our canonical events (docs/webhooks.md) signed the Standard Webhooks
 * way; the signature is checked before the body gets here (lib/webhooks/authenticate.ts).
 */
export const genericAdapter: MarketplaceAdapter = {
  marketplace: 'generic',
  authTypes: ['hmac'],
  parse: (body) => parseGenericPush(body),
};
