import { z } from 'zod';
import { canonicalEventSchema, type CanonicalEvent } from '../canonical-events';
import type { ApplyContext, ClaimedEvent } from './apply-context';
import { needsAction } from './apply-error';
import { applyOrderCreated } from './apply-order-created';
import { applyOrderStatusChanged } from './apply-order-status-changed';
import { applyPriceObserved, applyQuestionReceived, applyStockChanged } from './apply-observations';

export { BatchLookups, type AfterStep, type ApplyContext, type ApplyStep, type ClaimedEvent } from './apply-context';
export { EventApplyError } from './apply-error';
export { OrderLock } from './order-lock';

/** MariaDB's JSON is LONGTEXT and reaches us as text; MySQL 8's arrives parsed. */
const storedPayloadSchema = z.preprocess((value, ctx) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch (err) {
    ctx.issues.push({ code: 'custom', message: `payload is not JSON: ${err instanceof Error ? err.message : String(err)}`, input: value });
    return z.NEVER;
  }
}, canonicalEventSchema);

/** The event's canonical payload, checked again: the row may predate a schema change or be hand-made. */
export function parseStoredEvent(event: ClaimedEvent): CanonicalEvent {
  const parsed = storedPayloadSchema.safeParse(event.payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
    throw needsAction(`Event ${event.id} does not hold a valid canonical event: ${issues}`);
  }
  if (parsed.data.type !== event.type) {
    throw needsAction(`Event ${event.id} is stored as ${event.type} but its payload is ${parsed.data.type}`);
  }
  return parsed.data;
}

/** Applies one claimed event; throws EventApplyError (or anything else, which is retried). */
export async function applyEvent(ctx: ApplyContext): Promise<void> {
  const event = parseStoredEvent(ctx.event);
  switch (event.type) {
    case 'order.created':
      return applyOrderCreated(ctx, event);
    case 'order.status_changed':
      return applyOrderStatusChanged(ctx, event);
    case 'stock.changed':
      return applyStockChanged(ctx, event);
    case 'price.observed':
      return applyPriceObserved(ctx, event);
    case 'question.received':
      return applyQuestionReceived(ctx, event);
  }
}
