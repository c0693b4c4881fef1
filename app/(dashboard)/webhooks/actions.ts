'use server';

import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { z } from 'zod';
import { getMessages, type Locale } from '@/lib/i18n';
import { addProductLink } from '@/lib/product-links/add-product-link';
import { replayEvents } from '@/lib/webhooks/replay';
import { drainDueEvents } from '@/lib/webhooks/drain-due-events';
import { getWebhookEvent, PAGE_SIZE } from '@/lib/webhooks/queries';
import { ServiceError } from '@/lib/errors/service-error';
import { REPLAY_ROLES } from './replay-roles';
import { tenantAction } from '@/lib/auth/tenant-action';

const eventIdSchema = z.coerce.number().int().positive();
type WebhooksMessages = ReturnType<typeof getMessages>['webhooks'];
/** The webhooks error texts, with the refusal saying who may do this action. */
const errorsRefusing = (forbidden: (m: WebhooksMessages) => string) => (locale: Locale) => {
  const m = getMessages(locale).webhooks;
  return { ...m.errors, forbidden: forbidden(m) };
};

function applyReplayedEventsAfterResponse() {
  after(() => drainDueEvents('replay'));
}

/** A selection is at most one page of the list. */
const replaySchema = z.object({ eventIds: z.array(eventIdSchema).min(1).max(PAGE_SIZE) });

export const replayWebhookEvents = tenantAction(
  { schema: replaySchema, roles: REPLAY_ROLES, errors: errorsRefusing((m) => m.replay.forbidden) },
  async ({ eventIds }, ctx) => {
    const { replayed } = await replayEvents(ctx.db, ctx.tenant.tenant.id, eventIds, { actor: ctx.actor, request: ctx.request });
    if (replayed > 0) applyReplayedEventsAfterResponse();
    revalidatePath('/webhooks', 'layout');
    return { ok: true, replayed };
  },
);

const mapSkuSchema = z.object({ eventId: eventIdSchema, productId: z.coerce.number().int().positive() });

/**
 * Maps the SKU a dead event is waiting on to a product of the shop. The SKU and the account come
 * from the stored event, never from the form, so a mapping can only be made for what the event needs.
 */
export const mapUnknownSku = tenantAction(
  { schema: mapSkuSchema, roles: REPLAY_ROLES, errors: errorsRefusing((m) => m.mapSku.forbidden) },
  async ({ eventId, productId }, ctx) => {
    const event = await getWebhookEvent(ctx.db, ctx.tenant.tenant.id, eventId);
    if (!event) throw new ServiceError('NOT_FOUND', `Event ${eventId} does not exist in this shop`);
    if (!event.unknownSku) throw new ServiceError('CONFLICT', `Event ${eventId} is not waiting on a SKU mapping`);
    const link = await addProductLink(
      ctx.db,
      { tenantId: ctx.tenant.tenant.id, accountId: event.accountId, marketplaceSku: event.unknownSku, ocProductId: productId },
      { actor: ctx.actor, request: ctx.request, shop: ctx.tenant },
    );
    revalidatePath(`/webhooks/${eventId}`);
    return { ok: true, sku: link.marketplaceSku, productId: link.ocProductId };
  },
);
