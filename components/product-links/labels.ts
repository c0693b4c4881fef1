import type { Messages } from '@/lib/i18n';
import type { ActionResult } from '@/lib/auth/tenant-action';
import type { AutoMatchPreviewPage } from '@/lib/sync/product-links/auto-match';

export type ProductsLabels = Messages['products'];

/** The server actions the page hands to its client leaves (app/(dashboard)/products/actions.ts). */
export type LinkProductAction = (input: { accountId: number; productId: number; marketplaceSku: string }) => Promise<ActionResult<{ sku: string }>>;
export type UnlinkProductAction = (input: { linkId: number }) => Promise<ActionResult<{ sku: string }>>;
export type ReviewHeldPricesAction = (input: {
  accountId: number;
  stateIds: number[];
  decision: 'approve' | 'reject';
}) => Promise<ActionResult<{ reviewed: number; queued: number }>>;
export type UpdateSyncSettingsAction = (input: { priceChangeThresholdPct: string }) => Promise<ActionResult<{ priceChangeThresholdPct: string }>>;
export type PreviewAutoMatchAction = (input: { accountId: number }) => Promise<ActionResult<{ preview: AutoMatchPreviewPage }>>;
export type ApplyAutoMatchAction = (input: { accountId: number; productIds: number[] }) => Promise<ActionResult<{ created: number; skipped: number }>>;
