import { z } from 'zod';
import { jsonIdSchema } from '../shared/json-id';
import { jsonMoneySchema } from '../shared/money';
import { n11PackageStatusSchema } from './status';

/** [doc] shipmentPackages answers at most 100 packages a page (a larger `size` is clamped). */
export const N11_PAGE_SIZE_MAX = 100;
/** As many lines as a canonical order holds. */
export const N11_PACKAGE_LINES_MAX = 500;
const PACKAGE_HISTORY_MAX = 500;
/** The last millisecond of year 9999: later epochs have no ISO 8601 form. */
const EPOCH_MS_MAX = 253_402_300_799_999;

/**
 * N11 dates are epoch milliseconds, documented as "GMT+3" [doc]. They are read as true instants
 * [inferred]; if live traffic shows Trendyol's habit of local time written as UTC, subtract 3 hours here.
 */
const epochMsSchema = z
  .int()
  .min(0)
  .max(EPOCH_MS_MAX)
  .transform((ms) => new Date(ms).toISOString());

const optionalText = z.string().nullish();

export const n11AddressSchema = z.object({
  fullName: optionalText,
  address: z.string(),
  district: optionalText,
  city: z.string(),
  gsm: optionalText,
});

export const n11LineSchema = z.object({
  orderLineId: jsonIdSchema,
  productName: z.string(),
  /** The seller's code, which N11's price-stock update is keyed by [doc]. */
  stockCode: z.string().min(1),
  barcode: optionalText,
  quantity: z.int().min(1),
  /** Unit price before discounts [doc]. */
  price: jsonMoneySchema,
  /** [doc] price × quantity − (sellerDiscount + sellerCouponDiscount). */
  sellerInvoiceAmount: jsonMoneySchema,
});

/** One shipment package as `GET /rest/delivery/v1/shipmentPackages` lists it [doc]. */
export const n11PackageSchema = z.object({
  id: jsonIdSchema,
  orderNumber: jsonIdSchema,
  shipmentPackageStatus: n11PackageStatusSchema,
  customerEmail: optionalText,
  customerfullName: optionalText,
  lastModifiedDate: epochMsSchema,
  totalAmount: jsonMoneySchema,
  shippingAddress: n11AddressSchema,
  billingAddress: n11AddressSchema,
  packageHistories: z
    .array(z.object({ createdDate: epochMsSchema, status: z.string() }))
    .max(PACKAGE_HISTORY_MAX)
    .nullish(),
  lines: z.array(n11LineSchema).min(1).max(N11_PACKAGE_LINES_MAX),
});
export type N11Package = z.infer<typeof n11PackageSchema>;

/** The page envelope `{ pageCount, totalPages, page, size, content }` [doc]. */
export const n11PageSchema = z.object({ content: z.array(n11PackageSchema).max(N11_PAGE_SIZE_MAX) });

/** A pushed page of packages, or one package on its own. */
export function parseN11Packages(body: unknown) {
  const isPage = typeof body === 'object' && body !== null && 'content' in body;
  return isPage
    ? n11PageSchema.transform((page) => page.content).safeParse(body)
    : n11PackageSchema.transform((pkg) => [pkg]).safeParse(body);
}
