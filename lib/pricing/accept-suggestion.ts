import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { marketplaceAccounts, priceSuggestions, productLinks, type PriceSuggestionRow } from '@/lib/db/schema';
import { writeAudit, type AuditEntry } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { detectChanges } from '@/lib/sync/detect-changes';
import { readShopPricing } from '@/lib/sync/read-shop-stock-prices';
import { getSyncSettings } from '@/lib/sync/sync-settings';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { netOf } from './price-rules';
import { suggestionDetailsSchema } from './suggestion-details';

/** One confirmation covers at most this many rows. */
export const MAX_BULK_ACCEPT = 100;
/** OpenCart's admin orders specials by priority, lowest first; ours go first. */
const SPECIAL_PRIORITY = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'a real date');

export const acceptSuggestionSchema = z
  .object({
    productId: z.coerce.number().int().positive(),
    /** An edited shelf price (with tax); the suggested one when absent. */
    priceGross: z.coerce.number().positive().max(1e9).multipleOf(0.01).optional(),
    as: z.enum(['price', 'special']).default('price'),
    specialStart: isoDate.optional(),
    specialEnd: isoDate.optional(),
  })
  .refine((v) => v.as === 'price' || (v.specialStart !== undefined && v.specialEnd !== undefined && v.specialEnd > v.specialStart), {
    message: 'A special needs a start date and a later end date.',
    path: ['specialEnd'],
  });
export type AcceptSuggestionInput = z.input<typeof acceptSuggestionSchema>;

export const bulkAcceptSchema = z.object({ productIds: z.array(z.coerce.number().int().positive()).min(1).max(MAX_BULK_ACCEPT) });
export const rejectSuggestionSchema = z.object({ productId: z.coerce.number().int().positive() });

export type DecisionContext = {
  shop: TenantDb;
  actor: AuditEntry['actor'];
  request?: AuditEntry['request'];
  now?: Date;
};

export type AcceptResult = { productId: number; price: string; as: 'price' | 'special'; queued: number };

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/**
 * Writes the accepted price into OpenCart. Its tables are MyISAM (no transaction to share), so the write
 * is made safe to repeat: the price is set, not adjusted, and a special is inserted only when no row with
 * the same product, group, price and dates exists. The suggestion row marks it applied afterwards; an
 * accept that died in between is finished by accepting again.
 */
async function writeOpenCartPrice(shop: TenantDb, row: PriceSuggestionRow, customerGroupId: number, dates: { start: string; end: string } | null) {
  const { product, productSpecial } = shop.oc;
  const price = row.appliedPrice!;
  if (!dates) {
    await shop.db.update(product).set({ price, dateModified: sql`NOW()` }).where(eq(product.productId, row.ocProductId));
    return;
  }
  const same = and(
    eq(productSpecial.productId, row.ocProductId),
    eq(productSpecial.customerGroupId, customerGroupId),
    eq(productSpecial.price, price),
    eq(productSpecial.dateStart, dates.start),
    eq(productSpecial.dateEnd, dates.end),
  );
  const [existing] = await shop.db.select({ id: productSpecial.productSpecialId }).from(productSpecial).where(same).limit(1);
  if (existing) return;
  await shop.db.insert(productSpecial).values({
    productId: row.ocProductId,
    customerGroupId,
    priority: SPECIAL_PRIORITY,
    price,
    dateStart: dates.start,
    dateEnd: dates.end,
  });
}

/** Queues the marketplace price push of the product's linked listings through the sync outbox, as a price edit in OpenCart would be picked up. */
async function queuePricePush(db: Db, shop: TenantDb, productId: number, now: Date): Promise<number> {
  const links = await db
    .select({ id: productLinks.id, accountId: productLinks.accountId })
    .from(productLinks)
    .innerJoin(marketplaceAccounts, eq(marketplaceAccounts.id, productLinks.accountId))
    .where(and(eq(productLinks.tenantId, shop.tenant.id), eq(productLinks.ocProductId, productId), eq(marketplaceAccounts.status, 'active')));
  if (links.length === 0) return 0;
  const [settings, pricing] = await Promise.all([getSyncSettings(db, shop.tenant.id), readShopPricing(shop, now)]);
  let queued = 0;
  for (const accountId of new Set(links.map((l) => l.accountId))) {
    const detected = await detectChanges(db, shop, {
      tenantId: shop.tenant.id,
      accountId,
      pricing,
      thresholdPct: settings.priceChangeThresholdPct,
      now,
      linkIds: links.filter((l) => l.accountId === accountId).map((l) => l.id),
    });
    queued += detected.queued;
  }
  return queued;
}

/**
 * An admin accepts a suggestion (as it is, or edited), as the base price or as a dated special. The
 * decision and its audit row commit in one transaction on the companion tables; then OpenCart gets the
 * price (see writeOpenCartPrice) and the linked marketplace listings are queued for the price push.
 */
export async function acceptSuggestion(db: Db, input: AcceptSuggestionInput, ctx: DecisionContext): Promise<AcceptResult> {
  const parsed = parseOrThrow(acceptSuggestionSchema, input);
  const tenantId = ctx.shop.tenant.id;
  const now = ctx.now ?? new Date();
  const dates = parsed.as === 'special' ? { start: parsed.specialStart!, end: parsed.specialEnd! } : null;
  const pricing = await readShopPricing(ctx.shop, now);
  const { product } = ctx.shop.oc;
  const [shopProduct] = await ctx.shop.db.select({ price: product.price }).from(product).where(eq(product.productId, parsed.productId));

  const row = await db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(priceSuggestions)
      .where(and(eq(priceSuggestions.tenantId, tenantId), eq(priceSuggestions.ocProductId, parsed.productId)))
      .for('update');
    if (!found) throw new ServiceError('NOT_FOUND', `No suggestion for product ${parsed.productId} in this shop.`);
    const unfinished = found.status === 'accepted' && found.appliedAt === null;
    if (unfinished) return found;
    if (found.status !== 'open') throw new ServiceError('CONFLICT', `The suggestion for product ${parsed.productId} is ${found.status}.`);
    // Someone changed the price in OpenCart since the suggestion was computed: it was made for another price.
    if (!shopProduct || shopProduct.price !== found.currentPrice) {
      throw new ServiceError('CONFLICT', `The price of product ${parsed.productId} changed since the suggestion was computed; compute it again.`);
    }
    const details = suggestionDetailsSchema.parse(found.details);
    const gross = parsed.priceGross ?? Number(found.suggestedPriceGross);
    const net = netOf(gross, { pct: details.taxPct, fixed: details.taxFixed });
    if (!(net > 0)) throw new ServiceError('BAD_REQUEST', 'The price without tax would not be above zero.');
    const appliedPrice = net.toFixed(4);
    const decided = { status: 'accepted' as const, decidedBy: ctx.actor.username.slice(0, 64), decidedAt: now, appliedPrice, appliedAs: parsed.as };
    await tx.update(priceSuggestions).set(decided).where(eq(priceSuggestions.id, found.id));
    await writeAudit(tx, {
      action: 'pricing.accept',
      actor: ctx.actor,
      tenantId,
      target: { type: 'oc_product', id: found.ocProductId },
      before: { price: found.currentPrice, suggestedPrice: found.suggestedPrice, suggestedPriceGross: found.suggestedPriceGross },
      after: { price: appliedPrice, priceGross: gross.toFixed(2), as: parsed.as, edited: parsed.priceGross !== undefined, ...(dates ?? {}) },
      request: ctx.request,
    });
    return { ...found, ...decided };
  });

  if (row.appliedAs === 'special' && !dates) {
    throw new ServiceError('CONFLICT', `The special for product ${row.ocProductId} was accepted but not written; accept it again with its dates.`);
  }
  const appliedDates = row.appliedAs === 'special' ? dates : null;
  await writeOpenCartPrice(ctx.shop, row, pricing.customerGroupId, appliedDates);
  await db.update(priceSuggestions).set({ appliedAt: now }).where(eq(priceSuggestions.id, row.id));
  const queued = await queuePricePush(db, ctx.shop, row.ocProductId, now);
  return { productId: row.ocProductId, price: row.appliedPrice!, as: row.appliedAs ?? 'price', queued };
}

/** Accepts each selected suggestion as suggested, as the base price; one that is no longer open is reported, not fatal. */
export async function acceptSuggestions(db: Db, input: unknown, ctx: DecisionContext): Promise<{ accepted: AcceptResult[]; skipped: number[] }> {
  const { productIds } = parseOrThrow(bulkAcceptSchema, input);
  const accepted: AcceptResult[] = [];
  const skipped: number[] = [];
  for (const productId of new Set(productIds)) {
    try {
      accepted.push(await acceptSuggestion(db, { productId }, ctx));
    } catch (err) {
      if (!(err instanceof ServiceError) || (err.code !== 'CONFLICT' && err.code !== 'NOT_FOUND')) throw err;
      skipped.push(productId);
    }
  }
  if (accepted.length === 0) throw new ServiceError('NOT_FOUND', 'None of the selected suggestions is open.');
  return { accepted, skipped };
}

export async function rejectSuggestion(db: Db, input: unknown, ctx: DecisionContext): Promise<{ productId: number }> {
  const { productId } = parseOrThrow(rejectSuggestionSchema, input);
  const tenantId = ctx.shop.tenant.id;
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(priceSuggestions)
      .where(and(eq(priceSuggestions.tenantId, tenantId), eq(priceSuggestions.ocProductId, productId), eq(priceSuggestions.status, 'open')))
      .for('update');
    if (!found) throw new ServiceError('NOT_FOUND', `No open suggestion for product ${productId} in this shop.`);
    await tx.update(priceSuggestions).set({ status: 'rejected', decidedBy: ctx.actor.username.slice(0, 64), decidedAt: now }).where(eq(priceSuggestions.id, found.id));
    await writeAudit(tx, {
      action: 'pricing.reject',
      actor: ctx.actor,
      tenantId,
      target: { type: 'oc_product', id: productId },
      before: { price: found.currentPrice, suggestedPrice: found.suggestedPrice },
      request: ctx.request,
    });
    return { productId };
  });
}

