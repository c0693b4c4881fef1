'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getMessages, type Locale } from '@/lib/i18n';
import { tenantAction } from '@/lib/auth/tenant-action';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { applyAutoMatch, applyAutoMatchSchema, previewAutoMatch, trimPreview } from '@/lib/sync/product-links/auto-match';
import { linkProduct, linkProductSchema } from '@/lib/sync/product-links/link-product';
import { unlinkProduct, unlinkProductSchema } from '@/lib/sync/product-links/unlink-product';
import { reviewHeldPrices, reviewHeldPricesSchema } from '@/lib/sync/review-held-prices';
import { syncSettingsInputSchema, updateSyncSettings } from '@/lib/sync/sync-settings';
import { PRODUCT_EDIT_ROLES, SYNC_SETTINGS_ROLES } from './product-roles';

const PRODUCTS_PATH = '/products';
const errors = (locale: Locale) => getMessages(locale).products.errors;
const settingsErrors = (locale: Locale) => ({ ...errors(locale), forbidden: errors(locale).forbiddenSettings });

export const linkProductAction = tenantAction({ schema: linkProductSchema, roles: PRODUCT_EDIT_ROLES, errors }, async (input, ctx) => {
  const link = await linkProduct(ctx.db, input, { actor: ctx.actor, request: ctx.request, shop: ctx.tenant });
  revalidatePath(PRODUCTS_PATH);
  return { ok: true, sku: link.marketplaceSku };
});

export const unlinkProductAction = tenantAction({ schema: unlinkProductSchema, roles: PRODUCT_EDIT_ROLES, errors }, async (input, ctx) => {
  const removed = await unlinkProduct(ctx.db, ctx.tenant.tenant.id, input, { actor: ctx.actor, request: ctx.request });
  revalidatePath(PRODUCTS_PATH);
  return { ok: true, sku: removed.marketplaceSku };
});

/** The preview is computed on the server from the account's rule; the page gets its first rows and the ids to confirm. */
export const previewAutoMatchAction = tenantAction(
  { schema: z.object({ accountId: z.coerce.number().int().positive() }), roles: PRODUCT_EDIT_ROLES, errors },
  async ({ accountId }, ctx) => {
    const { languageId } = await getStoreSettings(ctx.tenant);
    const preview = trimPreview(await previewAutoMatch(ctx.db, ctx.tenant, { accountId, languageId }));
    return { ok: true, preview };
  },
);

export const applyAutoMatchAction = tenantAction({ schema: applyAutoMatchSchema, roles: PRODUCT_EDIT_ROLES, errors }, async (input, ctx) => {
  const { languageId } = await getStoreSettings(ctx.tenant);
  const result = await applyAutoMatch(ctx.db, ctx.tenant, { ...input, languageId }, { actor: ctx.actor, request: ctx.request });
  revalidatePath(PRODUCTS_PATH);
  return { ok: true, ...result };
});

export const reviewHeldPricesAction = tenantAction({ schema: reviewHeldPricesSchema, roles: PRODUCT_EDIT_ROLES, errors }, async (input, ctx) => {
  const result = await reviewHeldPrices(ctx.db, input, { actor: ctx.actor, request: ctx.request, shop: ctx.tenant });
  revalidatePath(PRODUCTS_PATH);
  return { ok: true, ...result };
});

export const updateSyncSettingsAction = tenantAction(
  { schema: syncSettingsInputSchema, roles: SYNC_SETTINGS_ROLES, errors: settingsErrors },
  async (input, ctx) => {
    const settings = await updateSyncSettings(ctx.db, ctx.tenant.tenant.id, input, { actor: ctx.actor, request: ctx.request });
    revalidatePath(PRODUCTS_PATH);
    return { ok: true, priceChangeThresholdPct: settings.priceChangeThresholdPct };
  },
);
