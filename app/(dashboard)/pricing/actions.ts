'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getMessages, type Locale } from '@/lib/i18n';
import { tenantAction } from '@/lib/auth/tenant-action';
import { acceptSuggestion, acceptSuggestionSchema, acceptSuggestions, bulkAcceptSchema, rejectSuggestion, rejectSuggestionSchema } from '@/lib/pricing/accept-suggestion';
import { computeSuggestions } from '@/lib/pricing/compute-suggestions';
import { importCostsCsv, MAX_COST_CSV_BYTES, setProductCost, setProductCostSchema } from '@/lib/pricing/product-costs';
import { pricingRuleSchema, savePricingRule } from '@/lib/pricing/save-pricing-rule';
import { PRICING_EDIT_ROLES } from './pricing-roles';

const PRICING_PATH = '/pricing';
const errors = (locale: Locale) => getMessages(locale).pricing.errors;
const productIdSchema = z.object({ productId: z.coerce.number().int().positive() });

export const acceptSuggestionAction = tenantAction({ schema: acceptSuggestionSchema, roles: PRICING_EDIT_ROLES, errors }, async (input, ctx) => {
  const result = await acceptSuggestion(ctx.db, input, { shop: ctx.tenant, actor: ctx.actor, request: ctx.request });
  revalidatePath(PRICING_PATH, 'layout');
  return { ok: true, price: result.price, queued: result.queued };
});

export const bulkAcceptAction = tenantAction({ schema: bulkAcceptSchema, roles: PRICING_EDIT_ROLES, errors }, async (input, ctx) => {
  const result = await acceptSuggestions(ctx.db, input, { shop: ctx.tenant, actor: ctx.actor, request: ctx.request });
  revalidatePath(PRICING_PATH, 'layout');
  return { ok: true, accepted: result.accepted.length, skipped: result.skipped.length };
});

export const rejectSuggestionAction = tenantAction({ schema: rejectSuggestionSchema, roles: PRICING_EDIT_ROLES, errors }, async (input, ctx) => {
  await rejectSuggestion(ctx.db, input, { shop: ctx.tenant, actor: ctx.actor, request: ctx.request });
  revalidatePath(PRICING_PATH, 'layout');
  return { ok: true };
});

/** On demand for one product: the same computation as the job, for just that product. */
export const computeProductAction = tenantAction({ schema: productIdSchema, roles: PRICING_EDIT_ROLES, errors }, async ({ productId }, ctx) => {
  const result = await computeSuggestions(ctx.db, ctx.tenant, { now: new Date(), productIds: [productId] });
  revalidatePath(PRICING_PATH, 'layout');
  return { ok: true, products: result.products };
});

export const setProductCostAction = tenantAction({ schema: setProductCostSchema, roles: PRICING_EDIT_ROLES, errors }, async (input, ctx) => {
  const saved = await setProductCost(ctx.db, input, { shop: ctx.tenant, actor: ctx.actor, request: ctx.request });
  revalidatePath(PRICING_PATH, 'layout');
  return { ok: true, cost: saved.cost };
});

const csvSchema = z.object({ csv: z.string().min(1).max(MAX_COST_CSV_BYTES) });

export const importCostsAction = tenantAction({ schema: csvSchema, roles: PRICING_EDIT_ROLES, errors }, async ({ csv }, ctx) => {
  const report = await importCostsCsv(ctx.db, csv, { shop: ctx.tenant, actor: ctx.actor, request: ctx.request });
  revalidatePath(PRICING_PATH, 'layout');
  return { ok: true, report };
});

/** The shop's rules, or a category's or product's overrides (scope and id in the input). */
export const savePricingRuleAction = tenantAction({ schema: pricingRuleSchema, roles: PRICING_EDIT_ROLES, errors }, async (input, ctx) => {
  await savePricingRule(ctx.db, ctx.tenant.tenant.id, input, { actor: ctx.actor, request: ctx.request });
  revalidatePath(PRICING_PATH, 'layout');
  return { ok: true };
});
