import { z } from 'zod';
import { canonicalEventSchema } from '@/lib/webhooks/canonical-events';

/** One push carries at most this many events (docs/webhooks.md). */
export const GENERIC_MAX_EVENTS_PER_PUSH = 100;

/**
 * Our own format: one canonical event, or `{ "events": [...] }`. The list is counted before any event
 * is read, so an oversized batch costs nothing; issues point at the event that is wrong.
 */
export const genericBatchSchema = z.object({
  events: z.array(z.unknown()).min(1).max(GENERIC_MAX_EVENTS_PER_PUSH).pipe(z.array(canonicalEventSchema)),
});

export function isGenericBatch(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'events' in body;
}
