import type { ActionResult } from '@/lib/auth/tenant-action';
import type { Messages } from '@/lib/i18n';
import type { CostImportReport } from '@/lib/pricing/product-costs';

export type PricingLabels = Messages['pricing'];

/** The server actions the pricing pages hand to their client leaves (app/(dashboard)/pricing/actions.ts). */
export type AcceptSuggestionAction = (input: {
  productId: number;
  priceGross?: number;
  as: 'price' | 'special';
  specialStart?: string;
  specialEnd?: string;
}) => Promise<ActionResult<{ price: string; queued: number }>>;
export type BulkAcceptAction = (input: { productIds: number[] }) => Promise<ActionResult<{ accepted: number; skipped: number }>>;
export type RejectSuggestionAction = (input: { productId: number }) => Promise<ActionResult>;
export type ComputeProductAction = (input: { productId: number }) => Promise<ActionResult<{ products: number }>>;
export type SetProductCostAction = (input: { productId: number; cost: string }) => Promise<ActionResult<{ cost: string }>>;
export type ImportCostsAction = (input: { csv: string }) => Promise<ActionResult<{ report: CostImportReport }>>;
export type SavePricingRuleAction = (input: Record<string, string | number | null>) => Promise<ActionResult>;
