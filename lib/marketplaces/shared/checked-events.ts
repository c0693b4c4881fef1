import { z } from 'zod';
import { canonicalEventSchema, type CanonicalEvent } from '@/lib/webhooks/canonical-events';
import type { ParseResult } from '../adapter';

const canonicalEventsSchema = z.array(canonicalEventSchema);

/**
 * The adapter's answer: every mapped event passes the canonical schema again, so a value that does
 * not fit (an over-long email, a 12-digit amount) is a 400 with issues, not a bad row. One fact
 * listed twice (an order on two overlapping pull pages) is kept once, as its key would be.
 */
export function checkCanonicalEvents(events: readonly CanonicalEvent[]): ParseResult {
  const byKey = new Map<string, CanonicalEvent>();
  for (const event of events) if (!byKey.has(event.externalId)) byKey.set(event.externalId, event);
  const checked = canonicalEventsSchema.safeParse([...byKey.values()]);
  return checked.success ? { ok: true, events: checked.data } : { ok: false, issues: checked.error.issues };
}
