import { sql } from 'drizzle-orm';
import { competitorPrices, marketplaceQuestions, stockObservations } from '@/lib/db/schema';
import { normalizeMoney } from '@/lib/shop/money';
import type { CanonicalEventOf } from '../canonical-events';
import type { ApplyContext } from './apply-context';

/**
 * Observations only inform the shop (sync, pricing, the questions list); they write companion rows
 * in the event's own transaction, so they commit exactly with the done mark, and each table's unique
 * key on the event (or the marketplace's question id) makes a replay a no-op as well. A SKU that maps
 * to no product is kept with a NULL product rather than refused: the observation is still true.
 */
async function productIdFor(ctx: ApplyContext, sku: string): Promise<number | null> {
  if (sku.trim() === '') return null;
  const resolution = await ctx.resolveSkus([sku]);
  return resolution.products.get(sku)?.productId ?? null;
}

export async function applyStockChanged(ctx: ApplyContext, event: CanonicalEventOf<'stock.changed'>): Promise<void> {
  await ctx.tx
    .insert(stockObservations)
    .values({
      tenantId: ctx.event.tenantId,
      accountId: ctx.account.id,
      eventId: ctx.event.id,
      marketplaceSku: event.sku,
      ocProductId: await productIdFor(ctx, event.sku),
      quantity: event.quantity,
      observedAt: new Date(event.occurredAt),
    })
    .onDuplicateKeyUpdate({ set: { id: sql`id` } });
}

/** One row per seller: a push that names a seller twice keeps its first price, as the unique key would. */
export async function applyPriceObserved(ctx: ApplyContext, event: CanonicalEventOf<'price.observed'>): Promise<void> {
  const ocProductId = await productIdFor(ctx, event.sku);
  const bySeller = new Map<string, (typeof event.prices)[number]>();
  for (const price of event.prices) if (!bySeller.has(price.seller)) bySeller.set(price.seller, price);
  await ctx.tx
    .insert(competitorPrices)
    .values(
      [...bySeller.values()].map((price) => ({
        tenantId: ctx.event.tenantId,
        accountId: ctx.account.id,
        eventId: ctx.event.id,
        marketplaceSku: event.sku,
        ocProductId,
        seller: price.seller,
        price: normalizeMoney(price.price),
        currency: price.currency,
        isBuyBoxWinner: price.isBuyBoxWinner,
        observedAt: new Date(event.occurredAt),
      })),
    )
    .onDuplicateKeyUpdate({ set: { id: sql`id` } });
}

export async function applyQuestionReceived(ctx: ApplyContext, event: CanonicalEventOf<'question.received'>): Promise<void> {
  await ctx.tx
    .insert(marketplaceQuestions)
    .values({
      tenantId: ctx.event.tenantId,
      accountId: ctx.account.id,
      externalQuestionId: event.questionId,
      marketplaceSku: event.sku,
      ocProductId: await productIdFor(ctx, event.sku),
      customerName: event.customerName,
      text: event.text,
      askedAt: new Date(event.occurredAt),
    })
    .onDuplicateKeyUpdate({ set: { id: sql`id` } });
}
