import type { z } from 'zod';
import type { CanonicalEvent } from '@/lib/webhooks/canonical-events';
import { checkCanonicalEvents } from '@/lib/marketplaces/shared/checked-events';
import type { SkippedOrder } from './types';

/**
 * Maps each listed order with the webhook adapter's own schema and mapping, one by one: an order
 * that does not parse is reported (with its position and the first issues) instead of failing the page.
 */
export function mapListedOrders<S extends z.ZodType>(
  orders: readonly unknown[],
  schema: S,
  map: (order: z.output<S>) => CanonicalEvent[],
  idOf: (raw: unknown, index: number) => string,
): { events: CanonicalEvent[]; skipped: SkippedOrder[] } {
  const events: CanonicalEvent[] = [];
  const skipped: SkippedOrder[] = [];
  orders.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    const checked = parsed.success ? checkCanonicalEvents(map(parsed.data)) : { ok: false as const, issues: parsed.error.issues };
    if (checked.ok) events.push(...checked.events);
    else {
      const reason = checked.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(order)'}: ${i.message}`).join('; ');
      skipped.push({ externalId: idOf(raw, index), reason });
    }
  });
  return { events, skipped };
}

/** The id field of a raw listed order, for reporting one that could not be read. */
export function rawId(field: string) {
  return (raw: unknown, index: number): string => {
    const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[field] : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : `#${index}`;
  };
}
