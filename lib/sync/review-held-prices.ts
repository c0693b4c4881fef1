import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { productLinks, syncListingStates } from '@/lib/db/schema';
import { writeAudit, type AuditEntry } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { detectChanges } from './detect-changes';
import { readShopPricing } from './read-shop-stock-prices';
import { getSyncSettings } from './sync-settings';

/** A page of held prices is the most one review covers. */
export const MAX_REVIEW_ITEMS = 100;

export const reviewHeldPricesSchema = z.object({
  accountId: z.coerce.number().int().positive(),
  stateIds: z.array(z.coerce.number().int().positive()).min(1).max(MAX_REVIEW_ITEMS),
  decision: z.enum(['approve', 'reject']),
});
export type ReviewHeldPricesInput = z.input<typeof reviewHeldPricesSchema>;

export type ReviewContext = {
  actor: AuditEntry['actor'];
  request?: AuditEntry['request'];
  /** The tenant's shop, opened for the signed-in user. */
  shop: TenantDb;
  now?: Date;
};

/**
 * An admin's decision on held price changes. Approved: the held price goes out (the threshold no
 * longer stops that price) and is queued at once. Rejected: the marketplace keeps its price until the
 * shop's price changes again; stock keeps flowing meanwhile. One audit row per listing, in the
 * transaction that records the decision.
 */
export async function reviewHeldPrices(db: Db, input: ReviewHeldPricesInput, ctx: ReviewContext): Promise<{ reviewed: number; queued: number }> {
  const parsed = reviewHeldPricesSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { accountId, stateIds, decision } = parsed.data;
  const tenantId = ctx.shop.tenant.id;
  const now = ctx.now ?? new Date();

  const reviewed = await db.transaction(async (tx) => {
    const held = await tx
      .select()
      .from(syncListingStates)
      .where(
        and(
          eq(syncListingStates.tenantId, tenantId),
          eq(syncListingStates.accountId, accountId),
          inArray(syncListingStates.id, stateIds),
          isNotNull(syncListingStates.heldPrice),
        ),
      )
      .for('update');
    for (const state of held) {
      await tx
        .update(syncListingStates)
        .set({
          ...(decision === 'approve' ? { approvedPrice: state.heldPrice } : { rejectedPrice: state.heldPrice }),
          heldPrice: null,
          heldBasePrice: null,
          heldAt: null,
          reviewedBy: ctx.actor.username.slice(0, 64),
          reviewedAt: now,
        })
        .where(eq(syncListingStates.id, state.id));
      await writeAudit(tx, {
        action: decision === 'approve' ? 'sync_price.approve' : 'sync_price.reject',
        actor: ctx.actor,
        tenantId,
        target: { type: 'msc_sync_state', id: state.id },
        before: { marketplaceSku: state.marketplaceSku, heldPrice: state.heldPrice, basePrice: state.heldBasePrice },
        after: { accountId, marketplaceSku: state.marketplaceSku, decision },
        request: ctx.request,
      });
    }
    return held;
  });
  if (reviewed.length === 0) throw new ServiceError('NOT_FOUND', 'None of these price changes is waiting for review.');
  if (decision === 'reject') return { reviewed: reviewed.length, queued: 0 };

  const links = await db
    .select({ id: productLinks.id })
    .from(productLinks)
    .where(and(eq(productLinks.accountId, accountId), inArray(productLinks.marketplaceSku, reviewed.map((s) => s.marketplaceSku))));
  if (links.length === 0) return { reviewed: reviewed.length, queued: 0 };
  const [settings, pricing] = await Promise.all([getSyncSettings(db, tenantId), readShopPricing(ctx.shop, now)]);
  const detected = await detectChanges(db, ctx.shop, {
    tenantId,
    accountId,
    pricing,
    thresholdPct: settings.priceChangeThresholdPct,
    now,
    linkIds: links.map((l) => l.id),
  });
  return { reviewed: reviewed.length, queued: detected.queued };
}
