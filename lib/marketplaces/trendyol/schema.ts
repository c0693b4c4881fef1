import { z } from 'zod';
import { jsonIdSchema } from '../shared/json-id';
import { jsonMoneySchema } from '../shared/money';
import { boundedArray } from './bounded-array';
import { countryCodeSchema, currencyCodeSchema } from './iso-codes';
import { trendyolStatusSchema } from './status-map';

/** [doc] getShipmentPackages pages hold at most 200 packages; a push is one page or one package. */
export const TRENDYOL_MAX_PACKAGES_PER_PUSH = 200;
/** The canonical order holds at most 500 lines. */
export const TRENDYOL_MAX_LINES_PER_PACKAGE = 500;
/** A package passes through about a dozen statuses; hundreds of entries would be a malformed body. */
const TRENDYOL_MAX_HISTORY_ENTRIES = 100;

/**
 * [doc] "Duyurular" 08.12.2025: fields were renamed and the old names dropped a month later. Each
 * field this adapter reads lists the names that carried the same value before, so both generations
 * (and the transition month, which sent both) parse into one shape. `shipmentPackageStatus` stands
 * in for a missing `status`: Trendyol's changelog reports days (28–29 Aug 2025) when one was missing.
 */
const PACKAGE_ALIASES = {
  shipmentPackageId: ['id'],
  status: ['shipmentPackageStatus'],
  packageTotalPrice: ['totalPrice'],
} as const;
const LINE_ALIASES = {
  lineId: ['id'],
  stockCode: ['merchantSku'],
  lineUnitPrice: ['price'],
} as const;

function withCurrentNames(aliases: Record<string, readonly string[]>) {
  return (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const named: Record<string, unknown> = { ...value };
    for (const [current, formerNames] of Object.entries(aliases)) {
      if (named[current] !== undefined && named[current] !== null) continue;
      const former = formerNames.find((name) => named[name] !== undefined && named[name] !== null);
      if (former !== undefined) named[current] = named[former];
    }
    return named;
  };
}

const epochMsSchema = z.int().positive();
const optionalText = z.string().nullish();

export const trendyolAddressSchema = z.object({
  firstName: optionalText,
  lastName: optionalText,
  fullName: optionalText,
  company: optionalText,
  address1: optionalText,
  address2: optionalText,
  fullAddress: optionalText,
  city: z.string(),
  district: optionalText,
  neighborhood: optionalText,
  postalCode: optionalText,
  // [inferred] Absent only on domestic packages in older payloads.
  countryCode: countryCodeSchema.nullish().transform((code) => code ?? 'TR'),
  phone: optionalText,
});
export type TrendyolAddress = z.infer<typeof trendyolAddressSchema>;

export const trendyolLineSchema = z.preprocess(
  withCurrentNames(LINE_ALIASES),
  z
    .object({
      lineId: jsonIdSchema,
      stockCode: optionalText,
      barcode: optionalText,
      productName: z.string(),
      quantity: z.int().min(1).max(100_000),
      lineUnitPrice: jsonMoneySchema,
    })
    .refine((line) => Boolean(line.stockCode?.trim() || line.barcode?.trim()), {
      message: 'a line needs a stockCode (merchantSku before 8 Dec 2025) or a barcode',
      path: ['stockCode'],
    }),
);
export type TrendyolLine = z.infer<typeof trendyolLineSchema>;

const packageHistorySchema = z.object({ createdDate: epochMsSchema, status: z.string() });

export const trendyolPackageSchema = z.preprocess(
  withCurrentNames(PACKAGE_ALIASES),
  z.object({
    shipmentPackageId: jsonIdSchema,
    orderNumber: jsonIdSchema,
    status: trendyolStatusSchema,
    orderDate: epochMsSchema,
    lastModifiedDate: epochMsSchema.nullish(),
    currencyCode: currencyCodeSchema.nullish().transform((code) => code ?? 'TRY'),
    packageTotalPrice: jsonMoneySchema,
    customerFirstName: optionalText,
    customerLastName: optionalText,
    customerEmail: optionalText,
    shipmentAddress: trendyolAddressSchema,
    invoiceAddress: trendyolAddressSchema.nullish(),
    lines: boundedArray(trendyolLineSchema, { min: 1, max: TRENDYOL_MAX_LINES_PER_PACKAGE }),
    packageHistories: boundedArray(packageHistorySchema, { min: 0, max: TRENDYOL_MAX_HISTORY_ENTRIES }).nullish(),
  }),
);
export type TrendyolPackage = z.infer<typeof trendyolPackageSchema>;

/** [doc] The 2025 page shows a bare package; 2026 SDKs show a `{ content: [...] }` page: accept both. */
export const trendyolPageSchema = z.object({
  content: boundedArray(trendyolPackageSchema, { min: 1, max: TRENDYOL_MAX_PACKAGES_PER_PUSH }),
});

export function isTrendyolPage(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'content' in body;
}
