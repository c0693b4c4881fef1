import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db/pool';
import { marketplaceOrders } from '@/lib/db/schema';
import { buildMarketplaceOrder } from '@/lib/orders/build-marketplace-order';
import { toOpenCartText } from '@/lib/orders/opencart-text';
import { resolveAddress } from '@/lib/orders/resolve-address';
import { toShopDateTime } from '@/lib/orders/shop-clock';
import { ensureOpenCartOrder, orderMarker } from '@/lib/orders/write-opencart-order';
import type { SkuResolution } from '@/lib/product-links/resolve-skus';
import type { CanonicalEventOf, CanonicalOrder } from '../canonical-events';
import type { ApplyContext, TenantShop } from './apply-context';
import { needsAction } from './apply-error';
import { MARKETPLACE_CHANNEL_NAMES } from './marketplace-channels';

export async function readOrderLink(db: DbOrTx, accountId: number, externalOrderId: string) {
  const [link] = await db
    .select()
    .from(marketplaceOrders)
    .where(and(eq(marketplaceOrders.accountId, accountId), eq(marketplaceOrders.externalOrderId, externalOrderId)));
  return link;
}

/**
 * The reason a dead event shows. An unknown SKU leads, one SKU per message, in the form the webhooks
 * page reads back to offer the mapping ("Unknown SKU <sku> for account <id>: …"); the others follow.
 */
function explainUnresolved(accountId: number, resolution: SkuResolution): string | undefined {
  const problems: string[] = [];
  const [firstUnknown, ...moreUnknown] = resolution.unknown;
  if (firstUnknown !== undefined) {
    const more = moreUnknown.length > 0 ? ` (also unknown: ${moreUnknown.join(', ')})` : '';
    problems.push(`Unknown SKU ${firstUnknown} for account ${accountId}: add a product mapping${more}`);
  }
  for (const { sku, productIds } of resolution.ambiguous) {
    problems.push(`SKU ${sku} matches products ${productIds.join(', ')} for account ${accountId}: add a product mapping to choose one`);
  }
  for (const { sku, productId } of resolution.brokenLinks) {
    problems.push(`SKU ${sku} of account ${accountId} is mapped to product ${productId}, which no longer exists: change the product mapping`);
  }
  return problems.length > 0 ? problems.join('; ') : undefined;
}

/** Everything checked and built before anything is written, so a refusal leaves no trace behind. */
async function prepareOrder(ctx: ApplyContext, shop: TenantShop, order: CanonicalOrder) {
  const { account } = ctx;
  const resolution = await ctx.resolveSkus(order.lines.map((l) => l.sku));
  const unresolved = explainUnresolved(account.id, resolution);
  if (unresolved) throw needsAction(unresolved);

  const currency = shop.order.currencies.get(order.currency);
  if (!currency) {
    throw needsAction(
      `Order ${order.externalOrderId} is in ${order.currency}, which the shop has no currency for: add it under System > Localisation > Currencies`,
    );
  }
  const firstStatusId = shop.statusMap[order.status];
  const channel = MARKETPLACE_CHANNEL_NAMES[account.marketplace];
  const marker = orderMarker(account.id, order.externalOrderId);
  const [payment, shipping] = await Promise.all([
    resolveAddress(shop.order, shop.places, order.billingAddress),
    resolveAddress(shop.order, shop.places, order.shippingAddress),
  ]);
  const rows = buildMarketplaceOrder({
    ctx: shop.order,
    order,
    channel,
    marketplace: account.marketplace,
    marker,
    products: resolution.products,
    currency,
    payment,
    shipping,
    now: ctx.now,
  });
  const { timezone } = shop.order.settings;
  const reference = order.orderNumber || order.externalOrderId;
  const firstStatus = {
    orderStatusId: firstStatusId,
    comment: toOpenCartText(`${channel} order ${reference}: ${order.marketplaceStatus}`, 1_000, shop.order.charset),
    dateAdded: toShopDateTime(new Date(order.placedAt), timezone),
    dateModified: toShopDateTime(ctx.now, timezone),
  };
  return { rows, firstStatus };
}

/**
 * order.created, exactly once although OpenCart's tables cannot share our transaction:
 * (a) under the order's lock, a link row with an OpenCart id means the order was imported: done;
 * (b) an intent row (msc_marketplace_order without oc_order_id) is committed on its own before
 *     OpenCart is touched; when this call is the one that created it, no earlier attempt can have
 *     written an OpenCart order, and the marker scan is skipped;
 * (c) ensureOpenCartOrder finds or inserts the order, writes lines and totals once, and confirms it
 *     (stock and status in one statement, then history);
 * (d) the OpenCart id goes on the link row in the event's transaction, committed with the done mark.
 * A crash anywhere leaves a state (c) recognises: the intent says "look for the marker", the order's
 * status 0 says "lines and totals may be missing", its history says whether the confirmation is whole.
 */
export async function applyOrderCreated(ctx: ApplyContext, event: CanonicalEventOf<'order.created'>): Promise<void> {
  const { order } = event;
  const { account } = ctx;
  await ctx.orderLock.acquire(account.id, order.externalOrderId);
  const link = await readOrderLink(ctx.tx, account.id, order.externalOrderId);
  if (link?.ocOrderId != null) return;

  const shop = await ctx.shop();
  const prepared = await prepareOrder(ctx, shop, order);
  let knownAbsent = false;
  if (!link) {
    const [intent] = await ctx.db
      .insert(marketplaceOrders)
      .ignore()
      .values({
        tenantId: ctx.event.tenantId,
        accountId: account.id,
        marketplace: account.marketplace,
        externalOrderId: order.externalOrderId,
        marketplaceStatus: order.marketplaceStatus,
      });
    knownAbsent = intent.affectedRows === 1;
    await ctx.afterStep?.('intent_recorded', ctx.event);
  }

  const orderId = await ensureOpenCartOrder(
    shop.order.tdb,
    { ...prepared, knownAbsent, countedStatusIds: shop.order.settings.countedStatusIds },
    (step) => ctx.afterStep?.(step, ctx.event),
  );
  await ctx.tx
    .update(marketplaceOrders)
    .set({ ocOrderId: orderId, marketplaceStatus: order.marketplaceStatus, updatedAt: sql`CURRENT_TIMESTAMP(3)` })
    .where(and(eq(marketplaceOrders.accountId, account.id), eq(marketplaceOrders.externalOrderId, order.externalOrderId)));
}
